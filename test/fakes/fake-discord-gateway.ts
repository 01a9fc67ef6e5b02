import type { Server } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

/** What one IDENTIFY said. */
export interface Identify {
  tokenOk: boolean;
  intents: number;
  shard: [number, number];
}

/** What the gateway needs from the rest of the fake. */
export interface GatewayWorld {
  token: string;
  heartbeatMs: number;
  /** READY's `user` and `application`. */
  ready(): { user: object; application: { id: string; flags: number } };
  /** Full GUILD_CREATE payloads of the guilds a shard serves. */
  guilds(shard: [number, number]): { id: string }[];
}

const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10 };
const HEARTBEAT_ACK = 11;
const AUTHENTICATION_FAILED = 4004;

interface Session {
  socket: WebSocket;
  shard: [number, number];
  sequence: number;
}

/**
 * The gateway of the fake Discord on the same port as its REST API: HELLO, heartbeat ACKs,
 * IDENTIFY (token checked, else close 4004) -> READY -> one GUILD_CREATE per guild of the
 * shard, then dispatches pushed by tests.
 */
export class FakeGateway {
  readonly identifies: Identify[] = [];
  heartbeats = 0;
  private readonly sessions = new Set<Session>();
  private readonly server: WebSocketServer;

  constructor(
    http: Server,
    private readonly world: GatewayWorld,
  ) {
    this.server = new WebSocketServer({ server: http });
    this.server.on('connection', (socket) => this.open(socket));
  }

  /** Sends a dispatch to the session serving this guild (shard 0 for direct messages). */
  dispatch(event: string, data: object, guildId?: string): void {
    const session = [...this.sessions].find(
      ({ socket, shard: [id, count] }) =>
        socket.readyState === WebSocket.OPEN &&
        (guildId ? shardOf(guildId, count) === id : id === 0),
    );
    if (!session) throw new Error(`no gateway session serves ${guildId ?? 'direct messages'}`);
    send(session, { op: OP.dispatch, t: event, s: ++session.sequence, d: data });
  }

  /** Sessions identified so far and still open. */
  get connected(): number {
    return this.sessions.size;
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((done) => this.server.close(() => done()));
  }

  private open(socket: WebSocket): void {
    socket.send(
      JSON.stringify({ op: OP.hello, d: { heartbeat_interval: this.world.heartbeatMs } }),
    );
    let session: Session | undefined;
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (payload.op === OP.heartbeat) {
        this.heartbeats++;
        socket.send(JSON.stringify({ op: HEARTBEAT_ACK }));
      } else if (payload.op === OP.identify) {
        session = this.identify(socket, payload.d);
      } else if (payload.op === OP.resume) {
        socket.send(JSON.stringify({ op: OP.invalidSession, d: false }));
      }
    });
    socket.on('close', () => {
      if (session) this.sessions.delete(session);
    });
  }

  private identify(socket: WebSocket, d: Record<string, unknown>): Session | undefined {
    const shard = (d.shard as [number, number] | undefined) ?? [0, 1];
    const tokenOk = d.token === this.world.token;
    this.identifies.push({ tokenOk, intents: Number(d.intents), shard });
    if (!tokenOk) {
      socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
      return undefined;
    }
    const session: Session = { socket, shard, sequence: 0 };
    this.sessions.add(session);
    const guilds = this.world.guilds(shard);
    send(session, {
      op: OP.dispatch,
      t: 'READY',
      s: ++session.sequence,
      d: {
        v: 10,
        ...this.world.ready(),
        guilds: guilds.map(({ id }) => ({ id, unavailable: true })),
        session_id: `session-${shard[0]}`,
        resume_gateway_url: 'ws://127.0.0.1:1',
        shard,
      },
    });
    for (const guild of guilds) {
      send(session, { op: OP.dispatch, t: 'GUILD_CREATE', s: ++session.sequence, d: guild });
    }
    return session;
  }
}

/** Discord's rule: a guild lives on shard (id >> 22) % count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

function send(session: Session, payload: object): void {
  session.socket.send(JSON.stringify(payload));
}
