import { get as httpGet, type ClientRequest, type IncomingMessage } from 'node:http';

/**
 * Reads a server-sent-events stream the way a browser's EventSource does, until some text appears.
 * Uses node:http rather than fetch, so that closing the stream closes exactly its own connection.
 */
export class EventStream {
  private req!: ClientRequest;
  private res!: IncomingMessage;
  private waiting: (() => void) | null = null;
  private ended = false;
  text = '';

  get status(): number {
    return this.res.statusCode ?? 0;
  }

  get contentType(): string {
    return String(this.res.headers['content-type'] ?? '');
  }

  async open(baseUrl: string, session: string | undefined, station?: string): Promise<this> {
    const cookie = [session && `cpt_session=${session}`, station && `cpt_station=${station}`].filter(Boolean).join('; ');
    this.res = await new Promise<IncomingMessage>((resolve, reject) => {
      this.req = httpGet(`${baseUrl}/api/events`, { headers: { ...(cookie ? { cookie } : {}), accept: 'text/event-stream' } }, resolve);
      this.req.on('error', reject);
    });
    this.res.setEncoding('utf8');
    this.res.on('data', (chunk: string) => { this.text += chunk; this.waiting?.(); });
    this.res.on('end', () => { this.ended = true; this.waiting?.(); });
    return this;
  }

  async readUntil(until: string): Promise<string> {
    while (!this.text.includes(until)) {
      if (this.ended) throw new Error(`stream ended before '${until}': ${this.text}`);
      await new Promise<void>((resolve) => { this.waiting = resolve; });
    }
    return this.text;
  }

  close(): void {
    this.req.destroy();
  }
}
