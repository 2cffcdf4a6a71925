import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audioTexts, isAudioKey } from './audio-texts.js';
import { END_OF_GROUP_V1 } from './end-of-group.js';

describe('audio texts', () => {
  it("names the intro, each question of the end-of-group questionnaire in order, and the site's own texts after it", () => {
    assert.deepEqual(
      audioTexts(END_OF_GROUP_V1, 'sv').map((t) => t.key),
      [
        'intro',
        'question:overall',
        'question:lectures',
        'question:talks',
        'question:internship',
        'question:internship_rating',
        'question:time',
        'question:wants',
        'question:next',
        'question:comment',
        'message:thanks',
        'message:serverError',
        'message:fixAnswers',
        'message:code',
        'message:unknown',
        'message:used',
        'message:closed',
      ],
    );
  });

  it('gives a question with everything it shows, in the language', () => {
    const lectures = audioTexts(END_OF_GROUP_V1, 'ti').find((t) => t.key === 'question:lectures');
    assert.equal(lectures?.text, 'እቶም መደረታት ክንደይ ጽቡቓት ነይሮም?\n1 ኣዝዩ ሕማቕ\n5 ኣዝዩ ጽቡቕ');
    const intro = audioTexts(END_OF_GROUP_V1, 'sv')[0];
    assert.equal(
      intro.text,
      'Vad tyckte du om …?\nDina svar är anonyma. Ingen kan se vad just du har svarat.',
    );
  });

  it("gives the site's messages after sending as the message screen shows them", () => {
    const texts = audioTexts(END_OF_GROUP_V1, 'so');
    assert.equal(
      texts.find((t) => t.key === 'message:thanks')?.text,
      'Mahadsanid! Jawaabtaada waa la keydiyay.',
    );
    assert.equal(
      texts.find((t) => t.key === 'message:serverError')?.text,
      'Wax baa khaldamay.\nJawaabta hadda lama keydin karin. Jawaabaha boggan way ku jiraan. Mar kale isku day wax yar kadib.',
    );
    assert.equal(
      texts.find((t) => t.key === 'message:code')?.text,
      'Qor koodhkaaga\nKoodhku wuxuu ku qoran yahay warqaddaada',
    );
    assert.equal(
      texts.find((t) => t.key === 'message:fixAnswers')?.text,
      'Jawaabaha qaar lama aqbalin. Beddel jawaabaha la calaamadeeyay oo mar kale dir. Jawaabaha kale waa la hayaa.',
    );
  });

  it('knows its keys and no others', () => {
    assert.equal(isAudioKey(END_OF_GROUP_V1, 'question:comment'), true);
    assert.equal(isAudioKey(END_OF_GROUP_V1, 'question:nope'), false);
    assert.equal(isAudioKey(END_OF_GROUP_V1, 'comment'), false);
    assert.equal(isAudioKey(END_OF_GROUP_V1, 'message:thanks'), true);
    assert.equal(isAudioKey(END_OF_GROUP_V1, 'message:sending'), false);
  });
});
