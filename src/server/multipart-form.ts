/** A posted form: its text fields, and the bytes of its uploaded files by field name. */
export interface PostedForm {
  form: URLSearchParams
  files: Map<string, Buffer>
}

/**
 * Reads a posted body: multipart/form-data (a file upload) through the
 * platform's own parser (the fetch Request), anything else as an urlencoded
 * form. A malformed multipart body is an empty form, which the CSRF check
 * then refuses. Browsers send a textarea's line breaks as CRLF (the HTML
 * form encoding); they are read as LF, so an explanation is stored and
 * published with the line breaks an API client would send.
 */
export async function readPostedForm(body: Buffer, contentType: string | undefined): Promise<PostedForm> {
  const files = new Map<string, Buffer>()
  if (!contentType || !/^multipart\/form-data;/i.test(contentType)) return { form: withLineFeeds(new URLSearchParams(body.toString('utf8'))), files }
  const form = new URLSearchParams()
  try {
    const data = await new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData()
    for (const [name, value] of data) {
      if (typeof value === 'string') form.append(name, value)
      else files.set(name, Buffer.from(await value.arrayBuffer()))
    }
  } catch {
    return { form: new URLSearchParams(), files: new Map() }
  }
  return { form: withLineFeeds(form), files }
}

function withLineFeeds(form: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...form].map(([name, value]) => [name, value.replace(/\r\n?/g, '\n')]))
}
