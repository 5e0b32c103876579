import { acceptInbound } from "@/lib/inbound/accept-inbound";

/**
 * What an SMPP provider's adapter calls for a mobile-originated `deliver_sm`: the message goes into
 * the same inbound pipeline as Celcom's callback (lib/inbound/accept-inbound.ts) before the SMSC
 * gets its `deliver_sm_resp`, so an acknowledged message is never lost. SMPP gives an MO message no
 * id of its own, so provider retries are not de-duplicated the way Celcom's are.
 */
export function createInboundSink(provider: string): (sms: { from: string; to: string; body: string }) => Promise<void> {
  return async (sms) => {
    await acceptInbound([{ provider, from: sms.from, to: sms.to, message: sms.body, payload: { from: sms.from, to: sms.to } }]);
  };
}
