// Live updates: one CometBFT websocket subscription to every committed
// transaction; pages listen for the events that concern them.

export type Events = Record<string, string[]>;
type Listener = (events: Events) => void;

const listeners = new Set<Listener>();
let socket: WebSocket | undefined;
let url = "";
let retry = 1000;
let connected = false;
// generation counts the connections: what happened while the socket was down
// was missed, so pages reload when it grows.
let generation = 0;
const statusListeners = new Set<(up: boolean) => void>();

/** Starts (or keeps) the subscription on the node's websocket. */
export function connectLive(websocketURL: string): void {
  url = websocketURL;
  if (socket) return;
  open();
}

function open(): void {
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => {
    retry = 1000;
    ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "subscribe", params: { query: "tm.event='Tx'" } }));
    setStatus(true);
  };
  ws.onmessage = (m) => {
    let msg: { result?: { events?: Events }; error?: unknown };
    try {
      msg = JSON.parse(String(m.data));
    } catch {
      return;
    }
    // The node ends a subscription it cannot serve (a slow client): start over.
    if (msg.error) {
      ws.close();
      return;
    }
    const events = msg.result?.events;
    if (!events) return;
    for (const l of listeners) l(events);
  };
  ws.onclose = () => {
    socket = undefined;
    setStatus(false);
    setTimeout(open, retry);
    retry = Math.min(retry * 2, 15_000);
  };
}

function setStatus(up: boolean): void {
  if (up) generation++;
  connected = up;
  for (const l of statusListeners) l(up);
}

export function isLive(): boolean {
  return connected;
}

/** The number of times the socket has (re)connected. */
export function liveGeneration(): number {
  return generation;
}

export function onLiveStatus(l: (up: boolean) => void): () => void {
  statusListeners.add(l);
  return () => statusListeners.delete(l);
}

/** Calls l for every committed transaction; returns the unsubscribe function. */
export function onTx(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Whether a transaction's events mention an address anywhere. */
export function mentions(events: Events, address: string): boolean {
  for (const values of Object.values(events)) for (const v of values) if (v.includes(address)) return true;
  return false;
}

/** The decoded values of a typed event's attribute ("kizuna.messaging.v1.EventMessagePosted", "thread_id"). */
export function values(events: Events, type: string, key: string): string[] {
  return (events[`${type}.${key}`] ?? []).map((v) => {
    try {
      const d = JSON.parse(v);
      return typeof d === "string" ? d : String(d);
    } catch {
      return v;
    }
  });
}
