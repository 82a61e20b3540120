import { connect, type Socket } from 'node:net'

/** A raw TCP connection to the server: what a slow, partial or idle client looks like. */
export interface RawConnection {
  socket: Socket
  /** Everything the server sent so far. */
  received(): string
  /** Resolves when the server has closed the connection (or it was reset), with what it sent. */
  closed: Promise<string>
  /** Resolves once the server has sent a complete response head and body of Content-Length bytes. */
  answered(): Promise<string>
}

/** Opens a connection and resolves once it is established. */
export async function openRaw(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1')
  let data = ''
  const waiters: (() => void)[] = []
  socket.on('data', (chunk) => {
    data += chunk
    for (const wake of waiters.splice(0)) wake()
  })
  socket.on('error', () => undefined)
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(data)))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('error', reject)
  })
  const complete = () => {
    const end = data.indexOf('\r\n\r\n')
    if (end < 0) return false
    const length = /\r\ncontent-length: *(\d+)/i.exec(data.slice(0, end))
    return length !== null && Buffer.byteLength(data.slice(end + 4)) >= Number(length[1])
  }
  const answered = async () => {
    while (!complete()) {
      const more = new Promise<void>((resolve) => waiters.push(resolve))
      if (await Promise.race([more.then(() => false), closed.then(() => true)]) && !complete()) throw new Error(`closed before a whole answer: ${JSON.stringify(data)}`)
    }
    return data
  }
  return { socket, received: () => data, closed, answered }
}

/** The head of a POST /graphql whose body is `body`, and the body split in two halves. */
export function halfPost(body: string): { head: string; first: string; rest: string } {
  const cut = Math.floor(body.length / 2)
  return {
    head: `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    first: body.slice(0, cut),
    rest: body.slice(cut),
  }
}
