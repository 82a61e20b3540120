/** A browser-like HTTP client for the editorial screens: a cookie jar, no automatic redirects, forms as a browser posts them. */
export class BeheerClient {
  readonly cookies = new Map<string, string>()

  constructor(readonly base: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at)
      const value = pair!.slice(at + 1)
      if (/max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, { headers: this.headers({}), redirect: 'manual' })
    this.remember(response)
    return response
  }

  /** Posts a form as a same-origin page would (Origin and Sec-Fetch-Site), unless the headers say otherwise. */
  async post(path: string, fields: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(fields).toString(),
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', origin: this.base, 'sec-fetch-site': 'same-origin', ...extra }),
    })
    this.remember(response)
    return response
  }

  /** The form token on a page. */
  async formToken(path: string): Promise<string> {
    const html = await (await this.get(path)).text()
    const match = /name="csrf" value="([^"]+)"/.exec(html)
    if (!match) throw new Error(`no form token on ${path}`)
    return match[1]!
  }

  /** Signs in with an account's token; returns the answer to the sign-in post. */
  async signIn(token: string): Promise<Response> {
    const csrf = await this.formToken('/beheer/aanmelden')
    return this.post('/beheer/aanmelden', { csrf, token })
  }
}
