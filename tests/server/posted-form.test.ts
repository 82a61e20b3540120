import { describe, expect, it } from 'vitest'
import { readPostedForm } from '../../src/server/multipart-form.js'

describe('a posted form', () => {
  it('reads a textarea\'s CRLF line breaks as LF, urlencoded and multipart alike', async () => {
    const urlencoded = await readPostedForm(Buffer.from('explanation=Eerste+alinea.%0D%0A%0D%0A-+een%0D%0A-+twee&csrf=x'), 'application/x-www-form-urlencoded')
    expect(urlencoded.form.get('explanation')).toBe('Eerste alinea.\n\n- een\n- twee')
    expect(urlencoded.form.get('csrf')).toBe('x')
    const body = new FormData()
    body.append('explanation', 'Eerste alinea.\r\n\r\nTweede.')
    body.append('worksheet', new Blob([new Uint8Array([1, 13, 10, 2])]), 'werkblad.xlsx')
    const request = new Request('http://form.invalid/', { method: 'POST', body })
    const multipart = await readPostedForm(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? undefined)
    expect(multipart.form.get('explanation')).toBe('Eerste alinea.\n\nTweede.')
    // An uploaded file's bytes are not text: they stay as sent.
    expect([...multipart.files.get('worksheet')!]).toEqual([1, 13, 10, 2])
  })
})
