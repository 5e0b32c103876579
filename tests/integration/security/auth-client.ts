import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";

const ORIGIN = "http://localhost";

export interface AuthResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * A browser against the next-auth route handler, in-process: it keeps cookies between calls, sends
 * the CSRF token next-auth asks for, and presents itself from one client IP (X-Forwarded-For, as
 * Next.js fills it from the socket).
 */
export class AuthClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly ip: string) {}

  get sessionCookie(): string | undefined {
    return this.cookies.get("authjs.session-token");
  }

  private async call(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<AuthResponse> {
    const headers = new Headers({ "x-forwarded-for": this.ip });
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    if (form) headers.set("content-type", "application/x-www-form-urlencoded");
    const request = new NextRequest(`${ORIGIN}${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
    const response = await (method === "GET" ? GET(request) : POST(request));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      if (value.join("=") === "") this.cookies.delete(name);
      else this.cookies.set(name, value.join("="));
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body };
  }

  private async csrfToken(): Promise<string> {
    const { body } = await this.call("GET", "/api/auth/csrf");
    return (body as { csrfToken: string }).csrfToken;
  }

  /** `POST /api/auth/callback/credentials`, as next-auth's own client sends it. */
  async signIn(email: string, password: string): Promise<AuthResponse> {
    return this.call("POST", "/api/auth/callback/credentials", { email, password, csrfToken: await this.csrfToken(), callbackUrl: `${ORIGIN}/` });
  }

  async signOut(): Promise<AuthResponse> {
    return this.call("POST", "/api/auth/signout", { csrfToken: await this.csrfToken(), callbackUrl: `${ORIGIN}/sign-in` });
  }

  /** The signed-in user's id per the server, or null when the session cookie is not (or no longer) good. */
  async sessionUserId(): Promise<string | null> {
    const { body } = await this.call("GET", "/api/auth/session");
    return (body as { user?: { id?: string } } | null)?.user?.id ?? null;
  }
}
