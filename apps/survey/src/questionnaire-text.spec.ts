import { END_OF_GROUP_V1 } from '@stegvis/questionnaires';
import { describe, expect, it } from 'vitest';
import { inLanguage, textIn } from './questionnaire-text';

describe('questionnaire texts in one language', () => {
  it('picks the language, Swedish from `default`', () => {
    expect(textIn(END_OF_GROUP_V1.title, 'sv')).toBe('Vad tyckte du om {programme}?');
    expect(textIn(END_OF_GROUP_V1.title, 'ar')).toBe('ما رأيك في {programme}؟');
    expect(textIn('Bara svenska', 'ti')).toBe('Bara svenska');
    expect(textIn({ default: 'Svenska', en: 'English' }, 'so')).toBe('Svenska');
    expect(textIn(undefined, 'sv')).toBe('');
  });

  it('keeps the questionnaire whole, with every text in the chosen language only', () => {
    const ar = inLanguage(END_OF_GROUP_V1, 'ar');
    expect(ar.title).toBe('ما رأيك في {programme}؟');
    expect(ar.pages.map((p) => p.name)).toEqual(END_OF_GROUP_V1.pages.map((p) => p.name));
    const internship = ar.pages[1].elements[0] as unknown as {
      name: string;
      isRequired: boolean;
      title: string;
      choices: { value: string; text: string }[];
    };
    expect(internship).toMatchObject({
      name: 'internship',
      isRequired: true,
      title: 'هل حصلت على تدريب عملي؟',
    });
    expect(internship.choices).toEqual([
      { value: 'yes', text: 'نعم' },
      { value: 'no', text: 'لا' },
    ]);
    expect(ar.pages[1].elements[1]).toMatchObject({
      name: 'internship_rating',
      visibleIf: "{internship} = 'yes'",
      rateMin: 1,
      rateMax: 5,
    });
    expect(JSON.stringify(ar)).not.toContain('"default"');
    expect(JSON.stringify(inLanguage(END_OF_GROUP_V1, 'sv'))).not.toMatch(/[\u0600-\u06ff]/);
  });

  it('leaves objects that only look like texts alone', () => {
    const json = { choices: [{ value: 'a', default: 'x' }], title: { default: 'T', en: 'T-en', xx: 'odd' } };
    expect(inLanguage(json, 'en')).toEqual(json);
  });
});
