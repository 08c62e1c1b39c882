import { defineTemplate, type PrintBlock } from '@comptoir/kernel';

/** What a note card prints: the article, the note, who wrote it and when. */
export interface NoteCardData {
  article: { code: string; name: string; barcode: string | null };
  text: string;
  author: string;
  createdAt: string;
}

/** A label (62 × 40 mm) to stick on a shelf or a box: the note and the article's barcode. */
export const noteCardTemplate = defineTemplate<NoteCardData>({
  name: 'note-card',
  kind: 'label',
  title: { fr: 'Fiche note', nl: 'Notitiekaart', en: 'Note card' },
  description: { fr: 'Étiquette 62 × 40 mm avec la note d’un article', nl: 'Etiket 62 × 40 mm met de notitie van een artikel', en: '62 × 40 mm label with an article’s note' },
  paper: { width: 62, height: 40, margin: 2 },
  texts: {
    heading: { label: { fr: 'Titre', nl: 'Titel', en: 'Heading' }, default: { fr: 'À noter', nl: 'Let op', en: 'Note' } },
  },
  blocks: {
    author: { label: { fr: 'Auteur et date', nl: 'Auteur en datum', en: 'Author and date' } },
    barcode: { label: { fr: 'Code-barres de l’article', nl: 'Streepjescode van het artikel', en: 'Article barcode' } },
  },
  sample: () => ({
    article: { code: 'BIE-TRIPLE', name: 'Triple d’Abbaye 33 cl', barcode: '5412345000013' },
    text: 'Mettre en avant près de la caisse.',
    author: 'gerant',
    createdAt: '2026-03-14T09:00:00Z',
  }),
  render(d, ctx) {
    const blocks: PrintBlock[] = [
      { type: 'columns', columns: [{ runs: [{ text: ctx.text('heading'), bold: true }] }, { runs: [{ text: d.article.code }], align: 'right' }] },
      { type: 'text', runs: [{ text: d.article.name, size: 'large', bold: true }] },
      { type: 'rule' },
      { type: 'text', runs: [{ text: d.text }] },
      { type: 'text', block: 'author', align: 'right', runs: [{ text: `${d.author} · ${ctx.date(d.createdAt)}`, size: 'small' }] },
    ];
    // An EAN-13 when the article has one, else its code in Code 128.
    const ean = d.article.barcode && /^\d{13}$/.test(d.article.barcode) ? d.article.barcode : null;
    blocks.push(ean
      ? { type: 'barcode', block: 'barcode', symbology: 'ean13', data: ean, height: 8, module: 0.26 }
      : { type: 'barcode', block: 'barcode', symbology: 'code128', data: d.article.code, height: 8, module: 0.22 });
    return blocks;
  },
});
