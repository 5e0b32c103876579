import { NotFoundPanel } from "@/components/layout/not-found-panel";

/** notFound() from a portal page (an unknown or another account's id, an unknown path): shown inside the portal's navigation. */
export default function PortalNotFound() {
  return <NotFoundPanel />;
}
