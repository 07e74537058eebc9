/**
 * A hostile HTML corpus for the paste sanitiser: the unit tests run every payload through
 * `sanitizeHtmlToDoc`, and the e2e paste spec pastes each one into the real editor and checks
 * that nothing ran (the trap below stays unset, no dialog opened), no request left the machine
 * (nothing may reach `HOSTILE_HOST` or any other host), and nothing dangerous was stored.
 */

/** The global a payload sets (`window[HOSTILE_TRAP] = 1`) if any of its script ever runs. */
export const HOSTILE_TRAP = '__copydeskPwned'

/** The only remote host the payloads name (`.example` is reserved: it never resolves). */
export const HOSTILE_HOST = 'evil.example'

export interface HostilePayload {
  /** Short name for test titles. */
  name: string
  /** The clipboard's `text/html`. */
  html: string
  /** Harmless text around the attack that must survive the sanitiser. */
  keeps?: string[]
  /**
   * Substrings (case-insensitive) that must appear nowhere in the stored body JSON. Defaults to
   * `HOSTILE_MARKERS`; a payload whose attack is plain text that must be kept as text narrows it.
   */
  forbidden?: string[]
  /** A link the sanitiser must keep (the benign part of the payload). */
  keepsLink?: string
}

/** What must not survive any payload (unless the payload says otherwise). */
export const HOSTILE_MARKERS = [
  HOSTILE_TRAP,
  HOSTILE_HOST,
  'javascript',
  'vbscript',
  'data:',
  'file:',
  'onerror',
  'onload',
  'onclick',
  'script',
  'iframe',
  'srcdoc',
  'target',
  'style',
  'expression(',
  '\\\\'
]

const trap = `window.${HOSTILE_TRAP}=1`
const remote = `https://${HOSTILE_HOST}`

export const HOSTILE_HTML: readonly HostilePayload[] = [
  {
    name: 'script element between paragraphs',
    html: `<p>Vorher</p><script>${trap}</script><p>Nachher</p>`,
    keeps: ['Vorher', 'Nachher']
  },
  { name: 'img onerror', html: `<p>Bild</p><img src=x onerror="${trap}">`, keeps: ['Bild'] },
  {
    name: 'svg onload',
    html: `<svg onload="${trap}"><circle r="10"/></svg><p>Grafik</p>`,
    keeps: ['Grafik']
  },
  { name: 'script inside svg', html: `<svg><script>${trap}</script></svg><p>Text</p>` },
  {
    name: 'javascript: link',
    html: `<p><a href="javascript:${trap}">Klick hier</a></p>`,
    keeps: ['Klick hier']
  },
  {
    name: 'javascript: link with entity-encoded tab',
    html: `<p><a href="jav&#x09;ascript:${trap}">Tab</a></p>`,
    keeps: ['Tab']
  },
  {
    name: 'javascript: link fully entity-encoded',
    html: '<p><a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">Kodiert</a></p>',
    keeps: ['Kodiert']
  },
  {
    name: 'javascript: link in mixed case with leading spaces',
    html: `<p><a href="  JaVaScRiPt:${trap}">Gemischt</a></p>`,
    keeps: ['Gemischt']
  },
  {
    name: 'data: link',
    html: '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Daten</a></p>',
    keeps: ['Daten']
  },
  {
    name: 'vbscript: link',
    html: '<p><a href="vbscript:msgbox(1)">VB</a></p>',
    keeps: ['VB']
  },
  {
    name: 'protocol-relative link',
    html: `<p><a href="//${HOSTILE_HOST}/x">Relativ</a></p>`,
    keeps: ['Relativ']
  },
  {
    name: 'UNC link',
    html: `<p><a href="\\\\${HOSTILE_HOST}\\share\\x.exe">Netzlaufwerk</a></p>`,
    keeps: ['Netzlaufwerk']
  },
  {
    name: 'file: link',
    html: '<p><a href="file:///etc/passwd">Datei</a></p>',
    keeps: ['Datei']
  },
  {
    name: 'link with credentials',
    html: `<p><a href="https://user:pass@${HOSTILE_HOST}/">Anmeldung</a></p>`,
    keeps: ['Anmeldung']
  },
  {
    name: 'link that breaks out of its attribute',
    html: `<p><a href='https://example.com/"onmouseover="${trap}'>Ausbruch</a></p>`,
    keeps: ['Ausbruch'],
    forbidden: [HOSTILE_TRAP, 'onmouseover']
  },
  {
    name: 'link with a line break before javascript:',
    html: `<p><a href="https://example.com/&#10;javascript:${trap}">Umbruch</a></p>`,
    keeps: ['Umbruch']
  },
  {
    name: 'target, rel and ping attributes on a good link',
    html: `<p><a href="https://example.com/" target="_blank" rel="opener" ping="${remote}/ping">Beispiel</a></p>`,
    keeps: ['Beispiel'],
    keepsLink: 'https://example.com/',
    forbidden: [HOSTILE_HOST, 'target', 'opener', 'ping']
  },
  {
    name: 'mailto: with an attachment field',
    html: '<p><a href="mailto:desk@example.com?attach=/etc/passwd">Mail</a></p>',
    keeps: ['Mail'],
    forbidden: ['attach', 'passwd']
  },
  { name: 'remote image', html: `<p>Pixel</p><img src="${remote}/pixel.png">`, keeps: ['Pixel'] },
  {
    name: 'file: image',
    html: '<p>Lokal</p><img src="file:///C:/Windows/win.ini">',
    keeps: ['Lokal']
  },
  {
    name: 'data: image',
    html: '<p>Inline</p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">',
    keeps: ['Inline']
  },
  {
    name: 'srcset and picture sources',
    html: `<picture><source srcset="${remote}/b.webp"><img srcset="${remote}/a.png 1x" src="x"></picture><p>Bildquelle</p>`,
    keeps: ['Bildquelle']
  },
  {
    name: 'iframe',
    html: `<p>Rahmen</p><iframe src="${remote}/"></iframe>`,
    keeps: ['Rahmen']
  },
  {
    name: 'iframe srcdoc',
    html: `<iframe srcdoc="&lt;script&gt;parent.${HOSTILE_TRAP}=1&lt;/script&gt;"></iframe><p>Dokument</p>`,
    keeps: ['Dokument']
  },
  { name: 'object', html: `<object data="${remote}/x.swf"><p>Fallback</p></object><p>Objekt</p>` },
  { name: 'embed', html: `<embed src="${remote}/x.swf"><p>Eingebettet</p>` },
  {
    name: 'style element with remote resources',
    html: `<style>@import url(${remote}/x.css); p { background: url(${remote}/bg.png) }</style><p>Stil</p>`,
    keeps: ['Stil']
  },
  {
    name: 'style attribute with url() and expression()',
    html: `<p style="background-image:url(${remote}/bg.png);width:expression(alert(1))">Hintergrund</p>`,
    keeps: ['Hintergrund']
  },
  {
    name: 'stylesheet link, meta refresh and base',
    html: `<link rel="stylesheet" href="${remote}/x.css"><meta http-equiv="refresh" content="0;url=${remote}/"><base href="${remote}/"><p>Kopf</p>`,
    keeps: ['Kopf']
  },
  {
    name: 'form with javascript formaction',
    html: `<form action="${remote}/"><input name="q" value="x"><button formaction="javascript:${trap}">Senden</button></form><p>Formular</p>`,
    keeps: ['Formular']
  },
  {
    name: 'event handlers on ordinary elements',
    html: `<p onclick="${trap}" onmouseover="${trap}">Absatz</p><div onfocus="${trap}" tabindex="0">Block</div>`,
    keeps: ['Absatz', 'Block'],
    forbidden: [HOSTILE_TRAP, 'onclick', 'onmouseover', 'onfocus', 'tabindex']
  },
  {
    name: 'body onload and details ontoggle',
    html: `<body onload="${trap}"><details open ontoggle="${trap}"><summary>Mehr</summary>Inhalt</details></body>`,
    keeps: ['Mehr', 'Inhalt']
  },
  {
    name: 'MathML with a javascript link',
    html: `<math><mtext><a xlink:href="javascript:${trap}">Formel</a></mtext></math><p>Mathe</p>`,
    keeps: ['Mathe']
  },
  {
    name: 'SVG link with xlink:href',
    html: `<svg><a xlink:href="javascript:${trap}"><text>SVG</text></a></svg><p>Vektor</p>`,
    keeps: ['Vektor']
  },
  {
    name: 'noscript parser differential',
    html: `<noscript><p title="</noscript><img src=x onerror=${trap}>"></noscript><p>Ohne Skript</p>`,
    keeps: ['Ohne Skript']
  },
  {
    name: 'comment trick',
    html: `<!--><img src=x onerror=${trap}>--><p>Kommentar</p>`,
    keeps: ['Kommentar']
  },
  {
    name: 'CDATA section',
    html: `<![CDATA[<img src=x onerror=${trap}>]]><p>CDATA</p>`,
    keeps: ['CDATA']
  },
  {
    name: 'template element',
    html: `<template><img src=x onerror="${trap}"></template><p>Vorlage</p>`,
    keeps: ['Vorlage']
  },
  {
    name: 'textarea and title break-outs',
    html: `<textarea></textarea><img src=x onerror=${trap}><title></title><script>${trap}</script><p>Ende</p>`,
    keeps: ['Ende']
  },
  {
    name: 'media with remote sources and autoplay',
    html: `<video poster="${remote}/p.png" autoplay><source src="${remote}/v.mp4"></video><audio src="${remote}/a.mp3" autoplay></audio><p>Medien</p>`,
    keeps: ['Medien']
  },
  {
    name: 'autofocus input and marquee',
    html: `<input autofocus onfocus="${trap}"><marquee onstart="${trap}">Laufschrift</marquee><p>Fokus</p>`,
    keeps: ['Fokus']
  },
  {
    name: 'markup as plain text stays text',
    html: '<p>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>',
    keeps: ['"><script>alert(1)</script> <img src=x onerror=alert(1)>'],
    forbidden: [HOSTILE_TRAP, HOSTILE_HOST]
  },
  {
    name: 'deeply nested elements around a script',
    html: `${'<div>'.repeat(600)}<script>${trap}</script>Tief${'</div>'.repeat(600)}<p>Flach</p>`,
    keeps: ['Flach']
  },
  {
    name: 'Word VML image and conditional comments',
    html: `<p class=MsoNormal><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/Temp/image001.png"/></v:shape><![endif]--><![if !vml]><img width=300 src="file:///C:/Temp/clip_image002.jpg"><![endif]>Word<o:p></o:p></p>`,
    keeps: ['Word']
  },
  {
    name: 'hidden text',
    html: `<p>Sichtbar<span style="display:none">${HOSTILE_HOST} versteckt</span><span hidden>${HOSTILE_HOST}</span></p>`,
    keeps: ['Sichtbar']
  }
]
