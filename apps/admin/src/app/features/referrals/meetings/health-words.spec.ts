import { healthWordsIn } from './health-words';

describe('healthWordsIn', () => {
  it('finds health words at the start of a word, in any case, each once', () => {
    expect(
      healthWordsIn('Hon är Sjukskriven sedan mars, diagnos ställd. Sjukskrivningen fortsätter.'),
    ).toEqual(['diagnos', 'sjukskriv']);
  });

  it('leaves ordinary case-discussion text alone, including care work as a goal', () => {
    expect(
      healthWordsIn('Vill arbeta inom vården; Arbetsförmedlingen ordnar tolk till första träffen.'),
    ).toEqual([]);
    expect(healthWordsIn('Ett oberoende val')).toEqual([]);
  });
});
