import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEFAULT_LOCALE,
  END_OF_GROUP_V1,
  type LanguageCode,
  questionAudioKey,
} from '@stegvis/questionnaires';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inLanguage } from './questionnaire-text';
import { keyWithMessage, readAloudButton, setReadAloudLanguage, textToRead, voiceFor } from './read-aloud';
import { createSurvey, mountSurvey } from './survey-page';
import { ui } from './ui-texts';

/** The phone's voices and what it was told to say (jsdom has no speechSynthesis). */
let voices: { lang: string; name: string }[] = [];
const spoken: { text: string; lang: string }[] = [];
beforeAll(() => {
  Object.assign(window, {
    speechSynthesis: {
      getVoices: () => voices,
      cancel() {},
      speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
    },
    SpeechSynthesisUtterance: class {
      voice: unknown = null;
      lang = '';
      constructor(public text: string) {}
    },
  });
  // jsdom has no layout, so no ResizeObserver; SurveyJS only uses it to choose between buttons and a dropdown.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  document.body.replaceChildren();
  voices = [];
  spoken.length = 0;
});

/** The end-of-group questionnaire drawn by SurveyJS in `lang`, with the names the site gives the scale. */
async function drawn(lang: LanguageCode) {
  const model = await createSurvey(
    {
      json: inLanguage(END_OF_GROUP_V1, lang),
      lang,
      defaultLocale: DEFAULT_LOCALE,
      rtl: lang === 'ar',
      readAloud: (q, name) => readAloudButton(() => [q], questionAudioKey(name)),
      progress: (n, total) => ui('progress', lang, { n, total }),
      scaleName: (n, total, meaning) =>
        meaning
          ? ui('scaleEnd', lang, { n, total, meaning: meaning.toLocaleLowerCase(lang) })
          : ui('scaleValue', lang, { n, total }),
      onComplete: () => {},
    },
    async () => {},
  );
  const root = document.createElement('div');
  document.body.append(root);
  await mountSurvey(model, root, async () => {});
  await new Promise((r) => setTimeout(r, 0));
  const question = (name: string) => root.querySelector(`[data-name="${name}"]`)!;
  const show = async (name: string) => {
    model.currentPage = model.getQuestionByName(name).page;
    await new Promise((r) => setTimeout(r, 0));
  };
  return { model, question, show };
}

describe('the text read aloud for a question', () => {
  it('a rating question in Swedish: its title, then each button with the meaning of its end', async () => {
    const { question } = await drawn('sv');
    expect(textToRead([question('overall')], 'sv')).toBe(
      'Hur nöjd är du med programmet som helhet? 1 av 5, inte alls nöjd, 2 av 5, 3 av 5, 4 av 5, 5 av 5, mycket nöjd',
    );
  });

  it('a rating question in Arabic, with the Arabic comma', async () => {
    const { question } = await drawn('ar');
    expect(textToRead([question('lectures')], 'ar')).toBe(
      'ما مدى جودة المحاضرات؟ 1 من 5، سيئ جدًا، 2 من 5، 3 من 5، 4 من 5، 5 من 5، جيد جدًا',
    );
  });

  it('a choice question with the error shown on it: the error, the title, the choices', async () => {
    const { model, question, show } = await drawn('sv');
    await show('internship');
    model.getQuestionByName('internship').addError(ui('fixThis', 'sv'));
    await new Promise((r) => setTimeout(r, 0));
    expect(textToRead([question('internship')], 'sv')).toBe(
      'Det här svaret kunde inte tas emot. Ändra det. Fick du praktik? Ja, Nej',
    );
  });

  it('a checkbox question reads its title once (not its hidden legend) and every choice', async () => {
    const { question, show } = await drawn('sv');
    await show('wants');
    expect(textToRead([question('wants')], 'sv')).toBe(
      'Vad hade du velat ha mer av? Språkstöd, Digital kunskap, Studiebesök, Mötesplatser, Mer tid i programmet',
    );
  });
});

describe("the text read aloud for the page's own screens (index.html)", () => {
  const page = () => {
    const html = readFileSync(resolve(__dirname, '../index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1];
    return (id: string) => document.getElementById(id)!;
  };

  it('the intro: the title as a sentence, the description, and an error on the page', () => {
    const $ = page();
    $('survey-title').textContent = 'Vad tyckte du om Nästa Steg';
    $('survey-description').textContent = 'Dina svar är anonyma.';
    expect(textToRead([$('survey-title'), $('survey-description'), $('survey-error')], 'sv')).toBe(
      'Vad tyckte du om Nästa Steg. Dina svar är anonyma.',
    );
    $('survey-error').textContent = ui('fixAnswers', 'sv');
    expect(textToRead([$('survey-title'), $('survey-description'), $('survey-error')], 'sv')).toBe(
      `Vad tyckte du om Nästa Steg. Dina svar är anonyma. ${ui('fixAnswers', 'sv')}`,
    );
  });

  it('the code screen: its title, the field’s label and the error, not the buttons or the hidden field', () => {
    const $ = page();
    $('code-error').textContent = ui('unknown', 'ti');
    $('code-title').textContent = ui('typeCode', 'ti');
    $('code-label').textContent = ui('codeHint', 'ti');
    expect(textToRead([$('code-title'), $('code-form'), $('code-error')], 'ti')).toBe(
      'ኮድኩም ጽሓፉ. ኮድ ኣብ ወረቐትኩም ኣሎ. እዚ ኮድ የለን። ኣረጋጊጽኩም እንደገና ፈትኑ።',
    );
  });

  it('a message: the thank-you in Arabic', () => {
    const $ = page();
    $('message-title').textContent = ui('thanks', 'ar');
    expect(textToRead([$('message-title'), $('message-text')], 'ar')).toBe('شكرًا! تم حفظ إجابتك.');
  });
});

describe('the voice and the button', () => {
  it('finds a voice per language: easy Swedish in Swedish, Dari in a Dari or Persian voice, none for Somali', () => {
    voices = [
      { lang: 'sv-SE', name: 'Alva' },
      { lang: 'fa_IR', name: 'Dariush' },
      { lang: 'ar-SA', name: 'Maged' },
    ];
    expect(voiceFor('sv-easy')?.name).toBe('Alva');
    expect(voiceFor('prs')?.name).toBe('Dariush');
    expect(voiceFor('ar')?.name).toBe('Maged');
    expect(voiceFor('so')).toBeUndefined();
  });

  it('shows only with a voice, is named in the language, and reads what the screen shows when pressed', () => {
    const p = document.createElement('p');
    p.textContent = 'Tack!';
    document.body.append(p);
    setReadAloudLanguage('so', ui('readAloud', 'so'));
    const b = readAloudButton(() => [p]);
    document.body.append(b);
    expect(b.hidden).toBe(true);
    voices = [{ lang: 'ar-SA', name: 'Maged' }];
    setReadAloudLanguage('ar', ui('readAloud', 'ar'));
    expect([b.hidden, b.textContent, b.className]).toEqual([false, '🔊 القراءة بصوت عالٍ', 'read-aloud']);
    p.textContent = ui('thanks', 'ar');
    b.click();
    expect(spoken).toEqual([{ text: 'شكرًا! تم حفظ إجابتك.', lang: 'ar-SA' }]);
  });

  it('plays a recording of its text where staff made one, with or without a voice; the voice reads the rest', async () => {
    const played: string[] = [];
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push(new URL(this.src).pathname);
      return Promise.resolve();
    });
    const { question, show } = await drawn('ti');
    await show('lectures');
    const button = (name: string) => question(name).querySelector<HTMLButtonElement>('.read-aloud')!;
    // A Tigrinya phone with no Tigrinya voice, and one recording: of the lectures question.
    setReadAloudLanguage('ti', ui('readAloud', 'ti'), { 'question:lectures': 'rec-1' });
    expect([button('lectures').hidden, button('talks').hidden]).toEqual([false, true]);
    button('lectures').click();
    expect(played).toEqual(['/api/public/surveys/audio/rec-1']);
    expect(spoken).toEqual([]);
    // With a voice, the recording still plays for its own text; another question is read by the voice.
    voices = [{ lang: 'ti-ER', name: 'Tesfay' }];
    setReadAloudLanguage('ti', ui('readAloud', 'ti'), { 'question:lectures': 'rec-1' });
    button('lectures').click();
    button('talks').click();
    expect(played).toEqual(['/api/public/surveys/audio/rec-1', '/api/public/surveys/audio/rec-1']);
    expect(spoken.map((x) => x.lang)).toEqual(['ti-ER']);
    expect(spoken[0].text.startsWith('ምስ ሰራሕተኛታት')).toBe(true);
    // A recording the phone cannot play (no connection, a format it lacks): the voice reads the text instead.
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(
      new DOMException('no source', 'NotSupportedError'),
    );
    spoken.length = 0;
    button('lectures').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(spoken).toEqual([
      {
        lang: 'ti-ER',
        text: 'እቶም መደረታት ክንደይ ጽቡቓት ነይሮም? 1 ካብ 5፣ ኣዝዩ ሕማቕ፣ 2 ካብ 5፣ 3 ካብ 5፣ 4 ካብ 5፣ 5 ካብ 5፣ ኣዝዩ ጽቡቕ',
      },
    ]);
    vi.restoreAllMocks();
  });

  it('with a refusal above the questionnaire, the intro button plays its recording, else reads it, else the intro', () => {
    const played: string[] = [];
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push(new URL(this.src).pathname);
      return Promise.resolve();
    });
    const title = document.createElement('h1');
    title.textContent = 'Vad tyckte du om Nästa Steg?';
    const error = document.createElement('p');
    document.body.append(title, error);
    const b = readAloudButton(
      () => [title, error],
      keyWithMessage('intro', () => (error.textContent ? 'message:fixAnswers' : undefined)),
    );
    document.body.append(b);
    const press = () => {
      b.click();
      return [
        played.splice(0).join(),
        spoken
          .splice(0)
          .map((s) => s.text)
          .join(),
      ];
    };
    // A Somali phone without a Somali voice: the intro's recording, until the refusal's is there too.
    setReadAloudLanguage('so', ui('readAloud', 'so'), { intro: 'rec-intro' });
    expect(press()).toEqual(['/api/public/surveys/audio/rec-intro', '']);
    error.textContent = ui('fixAnswers', 'so');
    expect(press()).toEqual(['/api/public/surveys/audio/rec-intro', '']);
    setReadAloudLanguage('so', ui('readAloud', 'so'), {
      intro: 'rec-intro',
      'message:fixAnswers': 'rec-fix',
    });
    expect(press()).toEqual(['/api/public/surveys/audio/rec-fix', '']);
    // A Swedish phone with a voice and only the intro recorded: the voice reads the screen, refusal included.
    voices = [{ lang: 'sv-SE', name: 'Alva' }];
    error.textContent = ui('fixAnswers', 'sv');
    setReadAloudLanguage('sv', ui('readAloud', 'sv'), { intro: 'rec-intro-sv' });
    expect(press()).toEqual([
      '',
      'Vad tyckte du om Nästa Steg? Några svar kunde inte tas emot. Ändra de markerade svaren och skicka igen. Dina andra svar finns kvar.',
    ]);
    error.textContent = '';
    expect(press()).toEqual(['/api/public/surveys/audio/rec-intro-sv', '']);
    vi.restoreAllMocks();
  });
});
