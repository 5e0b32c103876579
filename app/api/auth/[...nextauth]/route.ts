import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { refuseThrottledSignIn } from "@/lib/auth/refuse-throttled-sign-in";

export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
  return (await refuseThrottledSignIn(request)) ?? handlers.POST(request);
}
