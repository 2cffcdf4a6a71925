import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawCodesIn, SCREEN_CODES } from './raw-codes';

// No browser needed: the rule the journeys apply to every screen they visit (expectNoRawCodes).
describe('raw codes on a screen', () => {
  it('finds codes as whole words, each once', () => {
    assert.deepEqual(
      rawCodesIn(
        'Status: in_progress · share_with_partner · care\nÄndamål share_with_partner; participant.read',
      ),
      ['share_with_partner', 'care', 'participant.read'],
    );
    assert.deepEqual(rawCodesIn('Bransch: bakery/café, too_short'), ['bakery/café', 'too_short']);
  });

  it('leaves labels, words containing a code, e-mail addresses and Swedish words alone', () => {
    assert.deepEqual(
      rawCodesIn(
        'Vård/omsorg · Dela uppgifter med samverkanspart · Annat · Man · careful · admin@stegvis.local · ' +
          'en tydlig plan, som man gör · Start 2030-01-14 · Personal · Hybrid',
      ),
      [],
    );
  });

  it('looks for the values of the enumerations', () => {
    for (const code of ['left_early', 'share_with_partner', 'care', 'too_short', 'participant.read', 'woman'])
      assert.ok(SCREEN_CODES.includes(code), code);
    assert.ok(!SCREEN_CODES.includes('man'));
  });
});
