import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { projectRoot } from '../../src/config.js'

/** The keys the publiccode.yml standard (core, version 0.x) requires, with the values it allows. */
const developmentStatuses = ['concept', 'development', 'beta', 'stable', 'obsolete']
const softwareTypes = ['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles']
const maintenanceTypes = ['internal', 'contract', 'community', 'none']

describe('publiccode.yml', () => {
  const file = parse(readFileSync(join(projectRoot, 'publiccode.yml'), 'utf8'))
  const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))

  it('has every key the standard requires, with allowed values', () => {
    expect(file.publiccodeYmlVersion).toMatch(/^0(\.\d+)*$/)
    expect(typeof file.name).toBe('string')
    expect(file.url).toMatch(/^https:\/\//)
    expect(file.platforms.length).toBeGreaterThan(0)
    expect(developmentStatuses).toContain(file.developmentStatus)
    expect(softwareTypes).toContain(file.softwareType)
    expect(Object.keys(file.description)).toEqual(expect.arrayContaining(['nl', 'en']))
    for (const [language, description] of Object.entries(file.description) as [string, { shortDescription: string; longDescription: string; features: string[] }][]) {
      expect(description.shortDescription.length, language).toBeLessThanOrEqual(150)
      expect(description.longDescription.length, language).toBeGreaterThanOrEqual(150)
      expect(description.longDescription.length, language).toBeLessThanOrEqual(10_000)
      expect(description.features.length, language).toBeGreaterThan(0)
      for (const feature of description.features) expect(feature.length, feature).toBeLessThanOrEqual(100)
    }
    expect(maintenanceTypes).toContain(file.maintenance.type)
    if (['internal', 'contract'].includes(file.maintenance.type)) expect(file.maintenance.contacts[0].name).toBeTruthy()
    expect(typeof file.localisation.localisationReady).toBe('boolean')
    expect(file.localisation.availableLanguages).toContain('nl')
  })

  it('states the licence and version the package does', () => {
    expect(file.legal.license).toBe(packageJson.license)
    expect(file.softwareVersion).toBe(packageJson.version)
    expect(file.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('names the source repository, or says above the key that its value is a placeholder', () => {
    // The standard's `url` is the repository the code is published in; the project has none yet.
    const text = readFileSync(join(projectRoot, 'publiccode.yml'), 'utf8')
    const comment = /((?:^#.*\n)+)url: /m.exec(text)?.[1] ?? ''
    if (file.url.startsWith('https://w3id.org/')) expect(comment).toMatch(/PLACEHOLDER, NOT A REPOSITORY ADDRESS/)
    else expect(file.url).toMatch(/^https:\/\/[^/]+\/[^/]+\/[^/]+/)
  })
})
