import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  END_OF_GROUP_V1,
  LANGUAGES,
  type LanguageCode,
  PROGRESS_ASSESSMENT_V1,
  paperTexts,
} from '@stegvis/questionnaires';
import { extractText } from 'unpdf';
import { paperQuestions, renderPaperQuestionnairePdf } from '../src/files.js';
import { inkBetween, linesOf, renderPage, WITH_SCRIPTS } from './pdf-support.js';

/** 2027-05-28 15:00 in Stockholm (summer time). */
const CLOSES = '2027-05-28T13:00:00.000Z';

const render = (language: LanguageCode, questionnaire: object = END_OF_GROUP_V1) =>
  renderPaperQuestionnairePdf(
    {
      questionnaire,
      language,
      direction: LANGUAGES.find((l) => l.code === language)!.dir,
      texts: paperTexts(language),
      programmeName: 'Nästa Steg',
      closesAt: CLOSES,
      codeLength: 8,
    },
    WITH_SCRIPTS,
  );

const pagesOf = async (pdf: Buffer) => (await extractText(new Uint8Array(pdf))).totalPages;

/** The index of each expected line in `lines`, failing on one that is missing or out of order. */
function assertInOrder(lines: string[], expected: string[]): void {
  let from = 0;
  for (const e of expected) {
    const i = lines.indexOf(e, from);
    assert.ok(i >= 0, `"${e}" after line ${from} in:\n${lines.join('\n')}`);
    from = i + 1;
  }
}

// Set STEGVIS_SHOTS_DIR to look at the first pages (pdftoppm-like PNGs from pdf.js).
const shots = process.env.STEGVIS_SHOTS_DIR;

describe('the paper questionnaire', () => {
  it('lists the end-of-group questions in order, with what kind of answer each takes', () => {
    const qs = paperQuestions(END_OF_GROUP_V1, 'sv', paperTexts('sv'));
    assert.deepEqual(
      qs.map((q) => [q.name, q.kind]),
      [
        ['overall', 'scale'],
        ['lectures', 'scale'],
        ['talks', 'scale'],
        ['internship', 'one'],
        ['internship_rating', 'scale'],
        ['time', 'one'],
        ['wants', 'many'],
        ['next', 'one'],
        ['comment', 'lines'],
      ],
    );
    assert.equal(qs[4].condition, 'Svara bara om du svarade ”Ja” på fråga 4.');
    assert.deepEqual(qs[0].scale, {
      values: [1, 2, 3, 4, 5],
      minLabel: 'Inte alls nöjd',
      maxLabel: 'Mycket nöjd',
    });
  });

  it('adds an "Other" choice with the questionnaire’s own text, or the paper’s word for it', () => {
    const json = {
      pages: [
        {
          elements: [
            {
              type: 'checkbox',
              name: 'a',
              title: { default: 'Vad?', en: 'What?' },
              choices: ['x'],
              showOtherItem: true,
            },
            {
              type: 'radiogroup',
              name: 'b',
              title: 'B',
              choices: ['y'],
              hasOther: true,
              otherText: { default: 'Något annat', en: 'Something else' },
            },
          ],
        },
      ],
    };
    const qs = paperQuestions(json, 'en', paperTexts('en'));
    assert.deepEqual(
      qs.map((q) => q.choices),
      [
        [
          { text: 'x', other: false },
          { text: 'Other', other: true },
        ],
        [
          { text: 'y', other: false },
          { text: 'Something else', other: true },
        ],
      ],
    );
  });

  it('Swedish: the title with the programme, the code box, the instructions, every question in order', async () => {
    const pdf = await render('sv');
    if (shots) writeFileSync(join(shots, 'paper-sv.pdf'), pdf);
    const lines = await linesOf(pdf);
    assertInOrder(lines, [
      'Vad tyckte du om Nästa Steg?',
      'Kod från lappen',
      'Så här fyller du i enkäten',
      'Sätt ett kryss (X) i en ruta för varje fråga, om inget annat står vid frågan.',
      'Skriv koden från din lapp i rutorna, en bokstav eller siffra i varje ruta.',
      'Dina svar är anonyma. Skriv inte ditt namn på enkäten.',
      'Lämna enkäten till personalen eller lägg den i lådan senast 2027-05-28 15:00.',
      'Fråga 1 av 9',
      'Hur nöjd är du med programmet som helhet?',
      'Välj ett svar',
      '1 2 3 4 5',
      'Inte alls nöjd Mycket nöjd',
      'Fråga 2 av 9',
      'Hur bra var föreläsningarna?',
      'Inte alls bra Mycket bra',
      'Fråga 3 av 9',
      'Hur bra var dina enskilda samtal med personalen?',
      'Fråga 4 av 9',
      'Fick du praktik?',
      'Välj ett svar',
      'Ja',
      'Nej',
      'Fråga 5 av 9',
      'Hur var din praktik?',
      'Svara bara om du svarade ”Ja” på fråga 4.',
      'Fråga 6 av 9',
      'Hur var tiden i programmet?',
      'För kort',
      'Lagom',
      'För lång',
      'Fråga 7 av 9',
      'Vad hade du velat ha mer av?',
      'Välj ett eller flera',
      'Språkstöd',
      'Mer tid i programmet',
      'Fråga 8 av 9',
      'Vad händer för dig nu?',
      'Jag vet inte än',
      'Fråga 9 av 9',
      'Vill du säga något mer?',
      'Skriv ditt svar på raderna',
      'Tack!',
    ]);
    assert.equal(lines.filter((l) => l.startsWith('Fråga ')).length, 9);
    assert.equal(await pagesOf(pdf), 2);
  });

  it('Arabic: the title, the instructions in reading order, the questions and their end labels', async () => {
    const pdf = await render('ar');
    if (shots) writeFileSync(join(shots, 'paper-ar.pdf'), pdf);
    const lines = await linesOf(pdf);
    assertInOrder(lines, [
      'ما رأيك في Nästa Steg؟',
      'الرمز من الورقة',
      'طريقة تعبئة الاستمارة',
      'يُرجى وضع علامة X في مربع واحد لكل سؤال، ما لم يُذكر غير ذلك عند السؤال.',
      'يُرجى نقل الرمز من الورقة إلى المربعات، حرف أو رقم واحد في كل مربع.',
      'الإجابات مجهولة الهوية. يُرجى عدم كتابة الاسم على الاستمارة.',
      // The page prints 2027-05-28 (read from the right: أقصاه, the date, the time); pdf.js reads a hyphenated
      // number inside right-to-left text group by group from the right.
      'يُرجى تسليم الاستمارة إلى الموظفين أو وضعها في الصندوق في موعد أقصاه 28-05-2027 15:00.',
      'السؤال 1 من 9',
      'ما مدى رضاك عن البرنامج بشكل عام؟',
      'اختيار إجابة واحدة',
      'السؤال 4 من 9',
      'هل حصلت على تدريب عملي؟',
      'نعم',
      'لا',
      'السؤال 7 من 9',
      'ماذا كان ينبغي أن يكون أكثر في البرنامج؟',
      'اختيار إجابة واحدة أو أكثر',
      'السؤال 9 من 9',
      'هل من شيء آخر للإضافة؟',
      'شكرًا!',
    ]);
    // The end labels of the first scale: the first value's at the right, so the line reads it first.
    assert.equal(
      lines.filter((l) => l.includes('راضية')).join('\n'),
      'غير راضٍ/راضية على الإطلاقراضٍ/راضية جدًا',
    );
    assert.equal(await pagesOf(pdf), 2);
  });

  it('Arabic: the boxes and the text sit at the right margin', async () => {
    const pdf = await render('ar');
    const page = await renderPage(pdf, 1, 1);
    if (shots) writeFileSync(join(shots, 'paper-ar-1.png'), await page.png());
    // The title's line: ink ends at the right margin (595.28 − 48) and starts well inside.
    const title = inkBetween(page, 48, 70);
    assert.ok(Math.abs(title.right - 547.28) < 2, `title right edge ${title.right}`);
    assert.ok(title.left > 250, `title left edge ${title.left}`);
  });

  it('Tigrinya: the Ethiopic title, the code box label, the questions numbered', async () => {
    const pdf = await render('ti');
    if (shots) writeFileSync(join(shots, 'paper-ti.pdf'), pdf);
    const lines = await linesOf(pdf);
    assertInOrder(lines, [
      'ብዛዕባ Nästa Steg ርእይቶኹም እንታይ እዩ?',
      'ኮድ ካብ ወረቐት',
      'ንነፍሲ ወከፍ ሕቶ ኣብ ሓንቲ ሳጹን ምልክት (X) ግበሩ፣ ኣብቲ ሕቶ ካልእ እንተዘይተጻሒፉ።',
      'ሕቶ 1 ካብ 9',
      'ብሓፈሻ ብእቲ መደብ ክንደይ ዓጊብኩም?',
      'ፈጺመ ዘይዓገብኩ ኣዝየ ዝዓገብኩ',
      'ሕቶ 9 ካብ 9',
      'ካልእ ክትብልዎ እትደልዩ ኣሎ ዶ?',
      'የቐንየልና!',
    ]);
    const page = await renderPage(pdf, 1, 1);
    if (shots) writeFileSync(join(shots, 'paper-ti-1.png'), await page.png());
    assert.ok(Math.abs(inkBetween(page, 48, 70).left - 48) < 2);
  });

  it('never splits a question across pages: each page ends after a whole question', async () => {
    for (const lang of ['sv', 'ar', 'ti', 'prs', 'so', 'en', 'sv-easy'] as const) {
      const pdf = await render(lang);
      const pages = (await extractText(new Uint8Array(pdf))).text;
      const numbered = new RegExp(`^${paperTexts(lang).questionOf.replace(/\{n\}|\{total\}/g, '\\d+')}$`);
      for (const page of pages) {
        const lines = page.split('\n');
        // A page's last question has its title and its hint after its number.
        const last = lines.map((l) => numbered.test(l)).lastIndexOf(true);
        if (last >= 0) assert.ok(lines.length - last >= 3, `${lang}: ${lines.slice(last).join(' | ')}`);
      }
    }
  });

  it('draws the self-assessment too: seven scales, numbered 1 to 7, on two pages', async () => {
    const pdf = await render('sv', PROGRESS_ASSESSMENT_V1);
    const lines = await linesOf(pdf);
    assertInOrder(lines, [
      'Hur ser det ut för dig just nu?',
      'Fråga 1 av 7',
      'Jag kan prata svenska',
      'Inte alls Mycket',
      'Fråga 7 av 7',
      'Tack!',
    ]);
    assert.equal(await pagesOf(pdf), 2);
  });
});
