import type { IncomingMessage } from 'node:http';

/**
 * Hands each Server-Sent Event on an open GET /events answer to `onEvent`, as a workstation's EventSource
 * would: blocks end with a blank line, a block without data (a heartbeat comment) is no event.
 */
export function readServerSentEvents(res: IncomingMessage, onEvent: (name: string, data: unknown) => void): void {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const data = lines.find((l) => l.startsWith('data: '));
      if (!data) continue;
      const name = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      onEvent(name, JSON.parse(data.slice(6)) as unknown);
    }
  });
}
