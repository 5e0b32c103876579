// Types for the parts of the `smpp` package (v0.5, no bundled types) that we use.
declare module "smpp" {
  import { EventEmitter } from "node:events";
  import type { AddressInfo, Socket } from "node:net";

  export interface Pdu {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): Pdu;
    isResponse(): boolean;
    toBuffer(): Buffer;
  }

  export class Session extends EventEmitter {
    constructor(options: Record<string, unknown>);
    send(pdu: Pdu, responseCallback?: (pdu: Pdu) => void, sendCallback?: (pdu: Pdu) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    socket: Socket;
    [command: string]: unknown;
  }

  export class Server extends EventEmitter {
    listen(port: number, host?: string, callback?: () => void): this;
    close(callback?: (error?: Error) => void): void;
    address(): AddressInfo | string | null;
  }

  export const PDU: {
    new (command: string, options?: Record<string, unknown>): Pdu;
    fromBuffer(buffer: Buffer): Pdu;
  };

  export function connect(options: Record<string, unknown>, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;

  export const ESM_CLASS: Record<string, number>;
  export const ENCODING: Record<string, number>;
  export const errors: Record<string, number>;
}
