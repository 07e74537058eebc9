import type { PmNode } from '../article'

/**
 * Clipboard HTML as Word and Google Docs put it on the clipboard (`text/html`), trimmed to the
 * parts that matter, for the sanitiser's unit tests and the e2e paste spec. Both carry the same
 * little story: a heading, a paragraph with bold, italic and a link, a bullet list with a nested
 * item, a numbered list, and an image that must not survive.
 */

/** Word 365 on Windows: `mso-list` paragraphs instead of lists, `<o:p>`, conditional comments. */
export const WORD_CLIPBOARD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List
href="file:///C:/Users/anna/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
@list l0:level1
	{mso-level-number-format:bullet;
	mso-level-text:\\F0B7;}
-->
</style>
</head>

<body lang=DE style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->

<h1><span style='mso-fareast-font-family:"Times New Roman"'>Koalition einigt sich auf
Haushalt<o:p></o:p></span></h1>

<p class=MsoNormal><b><span style='mso-bidi-font-weight:normal'>Berlin.</span></b>
Nach langen Verhandlungen hat die Koalition einen <i>Kompromiss</i> gefunden,
teilte der <a href="https://www.bundestag.de/">Bundestag</a> mit.<o:p></o:p></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Mehr Geld für Schulen<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:
auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]>vor allem für Ganztagsschulen<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Weniger neue Schulden<o:p></o:p></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Erstens
die Schuldenbremse<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Zweitens
die Rente<o:p></o:p></p>

<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Grafik_x0020_1" o:spid="_x0000_i1025"
 type="#_x0000_t75" style='width:300pt;height:200pt'>
 <v:imagedata src="file:///C:/Users/anna/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"
  o:title=""/>
</v:shape><![endif]--><![if !vml]><img width=400 height=267
src="file:///C:/Users/anna/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"
v:shapes="Grafik_x0020_1"><![endif]><o:p></o:p></p>

<p class=MsoNormal>Der Entwurf geht nun in den Ausschuss.<span
style='mso-spacerun:yes'>&nbsp; </span><o:p></o:p></p>

<!--EndFragment-->
</body>

</html>`

/** Google Docs in Chromium: the `docs-internal-guid` wrapper, bold and italic only as styles. */
export const GOOGLE_DOCS_CLIPBOARD_HTML =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4b1a2c3d-7fff-e2a1-5c33-0d4f9a8b7c6e">' +
  '<h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Koalition einigt sich auf Haushalt</span></h1>' +
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Berlin.</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> Nach langen Verhandlungen hat die Koalition einen </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Kompromiss</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> gefunden, teilte der </span><a href="https://www.bundestag.de/" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Bundestag</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> mit.</span></p>' +
  '<br>' +
  '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Mehr Geld für Schulen</span></p></li>' +
  '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="2"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">vor allem für Ganztagsschulen</span></p></li></ul>' +
  '<li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Weniger neue Schulden</span></p></li></ul>' +
  '<br>' +
  '<ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Erstens die Schuldenbremse</span></p></li>' +
  '<li dir="ltr" style="list-style-type:decimal;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Zweitens die Rente</span></p></li></ol>' +
  '<br>' +
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"><span style="border:none;display:inline-block;overflow:hidden;width:400px;height:267px;"><img src="https://lh7-rt.googleusercontent.com/docsz/AD_4nXeExampleImageToken?key=abc" width="400" height="267" style="margin-left:0px;margin-top:0px;"></span></span></p>' +
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Der Entwurf geht nun in den Ausschuss.</span></p>' +
  '</b>'

/** The body both samples must become (what the editor shows after the paste). */
export const CLIPBOARD_SAMPLE_BODY = {
  type: 'doc',
  content: [
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Koalition einigt sich auf Haushalt' }]
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Berlin.', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' Nach langen Verhandlungen hat die Koalition einen ' },
        { type: 'text', text: 'Kompromiss', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' gefunden, teilte der ' },
        {
          type: 'text',
          text: 'Bundestag',
          marks: [{ type: 'link', attrs: { href: 'https://www.bundestag.de/' } }]
        },
        { type: 'text', text: ' mit.' }
      ]
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Mehr Geld für Schulen' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [
                    {
                      type: 'paragraph',
                      content: [{ type: 'text', text: 'vor allem für Ganztagsschulen' }]
                    }
                  ]
                }
              ]
            }
          ]
        },
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Weniger neue Schulden' }] }
          ]
        }
      ]
    },
    {
      type: 'orderedList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Erstens die Schuldenbremse' }] }
          ]
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zweitens die Rente' }] }]
        }
      ]
    },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Der Entwurf geht nun in den Ausschuss.' }]
    }
  ]
}

/**
 * Word's other ways of putting a list on the clipboard, where the bullet is plain text rather
 * than in a hidden `mso-list:Ignore` span: Word for Mac and Outlook wrap the marker in
 * downlevel-revealed conditional comments (`<!--[if !supportLists]-->`), and the built-in
 * "List Bullet"/"List Number" styles carry `mso-list` only in the page's style sheet
 * (`class=MsoListBullet`), not on the paragraph. Both pasted the `·`, `o`, `§` and `1.` into the
 * items before; the sample ends with a paragraph after the lists.
 */
export const WORD_LIST_VARIANTS_CLIPBOARD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta name=Generator content="Microsoft Word 16">
<style>
p.MsoListBullet, li.MsoListBullet {mso-style-link:"List Bullet"; mso-list:l2 level1 lfo3;}
p.MsoListNumber, li.MsoListNumber {mso-list:l3 level1 lfo4;}
</style></head>
<body lang=DE>
<!--StartFragment-->
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span><!--[endif]-->Zölle auf Stahl<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-add-space:auto;text-indent:-.25in;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span
style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span><!--[endif]-->Fischereirechte<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.5in;mso-add-space:auto;text-indent:-.25in;mso-list:l0 level3 lfo1'><!--[if !supportLists]--><span
style='font-family:Wingdings'>§<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span><!--[endif]-->vor Sachalin<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
style='font-family:Symbol'>•<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span><!--[endif]--><b>Visafragen</b><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->Treffen der Fachminister<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><!--[endif]-->Neuer Gipfel im Herbst<o:p></o:p></p>
<p class=MsoNormal>Die Liste im Stil „Aufzählungszeichen“:<o:p></o:p></p>
<p class=MsoListBullet><span style='font-family:Symbol'>·</span><span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Erstens<o:p></o:p></p>
<p class=MsoListBullet><span style='font-family:Symbol'>·</span><span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Zweitens<o:p></o:p></p>
<p class=MsoListNumber>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>Nummer eins<o:p></o:p></p>
<p class=MsoListParagraph style='margin-left:36.0pt'>Eingerückt, aber keine Liste<o:p></o:p></p>
<!--EndFragment-->
</body></html>`

const item = (text: string, ...rest: PmNode[]): PmNode => ({
  type: 'listItem',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, ...rest]
})

/** What `WORD_LIST_VARIANTS_CLIPBOARD_HTML` must become: real lists, no marker in any item. */
export const WORD_LIST_VARIANTS_BODY: PmNode = {
  type: 'doc',
  content: [
    {
      type: 'bulletList',
      content: [
        item('Zölle auf Stahl', {
          type: 'bulletList',
          content: [
            item('Fischereirechte', { type: 'bulletList', content: [item('vor Sachalin')] })
          ]
        }),
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'Visafragen', marks: [{ type: 'bold' }] }]
            }
          ]
        }
      ]
    },
    {
      type: 'orderedList',
      content: [item('Treffen der Fachminister'), item('Neuer Gipfel im Herbst')]
    },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Die Liste im Stil „Aufzählungszeichen“:' }]
    },
    { type: 'bulletList', content: [item('Erstens'), item('Zweitens')] },
    { type: 'orderedList', content: [item('Nummer eins')] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Eingerückt, aber keine Liste' }]
    }
  ]
}
