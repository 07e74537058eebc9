import { describe, expect, it } from 'vitest'
import { Channels, apiChannels } from '../channels'
import { domainInputSchemas, inputSchemas } from '../ipc'

const allChannels = Object.values(Channels).sort()

describe('the contract modules', () => {
  it('name every channel in exactly one domain', () => {
    const owners = new Map<string, string[]>()
    for (const [domain, schemas] of Object.entries(domainInputSchemas)) {
      for (const channel of Object.keys(schemas)) {
        owners.set(channel, [...(owners.get(channel) ?? []), domain])
      }
    }
    const twice = [...owners].filter(([, domains]) => domains.length > 1)
    expect(twice).toEqual([])
    expect([...owners.keys()].sort()).toEqual(allChannels)
  })

  it('combine into one input schema per channel, the same schema objects the domains hold', () => {
    expect(Object.keys(inputSchemas).sort()).toEqual(allChannels)
    for (const schemas of Object.values(domainInputSchemas)) {
      for (const [channel, schema] of Object.entries(schemas)) {
        expect(inputSchemas[channel as keyof typeof inputSchemas]).toBe(schema)
      }
    }
  })

  it('give every channel exactly one verb of window.newsroom', () => {
    const verbsOf = new Map<string, string[]>()
    for (const [verb, channel] of Object.entries(apiChannels)) {
      verbsOf.set(channel, [...(verbsOf.get(channel) ?? []), verb])
    }
    expect([...verbsOf].filter(([, verbs]) => verbs.length !== 1)).toEqual([])
    expect([...verbsOf.keys()].sort()).toEqual(allChannels)
  })

  it('keep channel names in the domain:verb form, the domain matching the contract module', () => {
    const moduleOf: Record<string, string> = {
      app: 'app',
      settings: 'settings',
      articles: 'articles',
      library: 'library',
      assets: 'assets',
      spelling: 'spelling',
      preflight: 'preflight',
      export: 'exports',
      packages: 'packages',
      docx: 'docx'
    }
    for (const [domain, schemas] of Object.entries(domainInputSchemas)) {
      for (const channel of Object.keys(schemas)) {
        expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/)
        const prefix = channel.split(':')[0]
        // The library module also holds the article channels that work on trash and history.
        const owner = domain === 'library' && prefix === 'articles' ? 'library' : moduleOf[prefix]
        expect({ channel, domain: owner }).toEqual({ channel, domain })
      }
    }
  })
})
