import { describe, expect, it } from 'vitest'
import { cleanXmp } from './xmpPacket'

const packet = (body: string): string =>
  `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${body}
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

describe('cleanXmp', () => {
  it('cuts location and device properties written as attributes, keeping the rest byte for byte', () => {
    const xml = packet(`<rdf:Description rdf:about=""
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
  xmlns:exif="http://ns.adobe.com/exif/1.0/"
  xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
  photoshop:Credit="dpa" photoshop:City="Köln" photoshop:Country='Deutschland'
  exif:GPSLatitude="50,56.3N" exif:ExposureTime="1/250" aux:SerialNumber="123"/>`)
    const { xml: out, removed } = cleanXmp(xml)
    expect(removed.sort()).toEqual(['device', 'location'])
    expect(out).toBe(
      packet(`<rdf:Description rdf:about=""
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
  xmlns:exif="http://ns.adobe.com/exif/1.0/"
  xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
  photoshop:Credit="dpa" exif:ExposureTime="1/250"/>`)
    )
  })

  it('cuts whole elements with their structures, by namespace URI whatever the prefix', () => {
    const xml = packet(`<rdf:Description rdf:about="" xmlns:p="http://ns.adobe.com/photoshop/1.0/"
  xmlns:ext="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dji="http://www.dji.com/drone-dji/1.0/">
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Köln: Der Dom</rdf:li></rdf:Alt></dc:description>
  <p:City>Köln</p:City>
  <ext:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource"><ext:City>Köln</ext:City></rdf:li></rdf:Bag></ext:LocationShown>
  <xmp:Thumbnails><rdf:Alt><rdf:li rdf:parseType="Resource"><xmpGImg:image xmlns:xmpGImg="http://ns.adobe.com/xap/1.0/g/img/">/9j/4AAQ</xmpGImg:image></rdf:li></rdf:Alt></xmp:Thumbnails>
  <dji:GpsLatitude>50.94</dji:GpsLatitude>
  <p:Credit>dpa</p:Credit>
</rdf:Description>`)
    const { xml: out, removed } = cleanXmp(xml)
    expect(removed.sort()).toEqual(['location', 'thumbnail'])
    expect(out).toContain(
      '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Köln: Der Dom</rdf:li></rdf:Alt></dc:description>'
    )
    expect(out).toContain('<p:Credit>dpa</p:Credit>')
    expect(out).not.toMatch(/City|LocationShown|Thumbnails|GpsLatitude|9j/)
    // A property of the same name in another namespace is not location data.
    const other = packet(
      '<rdf:Description xmlns:my="http://example.com/ns/"><my:City>Teil des Titels</my:City></rdf:Description>'
    )
    expect(cleanXmp(other)).toEqual({ xml: other, removed: [] })
  })

  it('refuses XML it cannot be sure about', () => {
    expect(() => cleanXmp('<a><b></a>')).toThrow(/not well-formed/)
    expect(() => cleanXmp('<!DOCTYPE x [<!ENTITY e "x">]><a>&e;</a>')).toThrow(/declarations/)
    expect(() => cleanXmp('<a attr=unquoted></a>')).toThrow(/bad attribute/)
    expect(() => cleanXmp('<a>')).toThrow(/never closed/)
  })
})
