import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser, Store, type Quad } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'
import { projectRoot } from '../../src/config.js'

const shapesDir = join(projectRoot, 'vendor/standards/dcat-ap-nl-3.0')
/** The DCAT-AP 3.0.1 base shapes and the DCAT-AP-NL 3.0 shapes, class ranges included; the recommended ones are warnings. */
export const shapeFiles = readdirSync(shapesDir).filter((f) => f.endsWith('.ttl')).sort()

/** Validates quads against one shape file with rdf-validate-shacl: every result, severity, path, focus and message. */
export async function validate(data: Quad[], file: string) {
  const shapes = new Store(new Parser().parse(readFileSync(join(shapesDir, file), 'utf8')))
  const report = await new SHACLValidator(shapes).validate(new Store(data))
  return report.results.map((r) => ({
    severity: r.severity?.value.split('#')[1], path: r.path?.value,
    focus: r.focusNode?.value, message: r.message.map((m) => m.value).join(' '),
  }))
}
