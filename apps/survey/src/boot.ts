import {
  BEFORE_ROUND_AUDIO,
  DEFAULT_LOCALE,
  INTRO_AUDIO_KEY,
  LANGUAGE_CODES,
  LANGUAGES,
  type LanguageCode,
  type MessageAudioId,
  messageAudioKey,
  questionAudioKey,
} from '@stegvis/questionnaires';
import { inLanguage, textIn } from './questionnaire-text';
import {
  keyWithMessage,
  readAloudButton,
  refreshReadAloud,
  setReadAloudLanguage,
  type TextKey,
} from './read-aloud';
import { submitUntilStored, type SubmitState } from './submission';
import { afterPaint, loadSurveyPage, nextTask, preloadSurvey } from './survey-loader';
import { ui, type UiKey } from './ui-texts';
import {
  type Draft,
  forgetVisit,
  idleTime,
  loadDraft,
  saveDraft,
  touchVisit,
  visitAlive,
  warningTime,
} from './visit';

/**
 * The first screen, without SurveyJS: reads the link, trades its token for an httpOnly cookie, takes the token out
 * of the address bar, and offers the languages. SurveyJS loads in the background meanwhile.
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
let lang: LanguageCode = pickLanguage();
let questionnaire: {
  json: object;
  languages: string[];
  programmeName: string;
  /** Recorded readings: language → text key → recording id. */
  audio?: Record<string, Record<string, string>>;
} | null = null;
let unsent = false;
/**
 * A shared tablet (?kiosk=1): each person's code lives only for their own visit. The visit ends when the answer is
 * stored, when nobody has touched the screen for `idleMs` (?idle=<seconds>, three minutes unless told), or on
 * "not me"; then the survey cookie and the answers kept in the tab go, and the code field comes back.
 */
const kiosk = params.get('kiosk') === '1';
const idleMs = idleTime(params.get('idle'));
/** The questionnaire on screen (SurveyJS's model), for a refused answer to come back to. */
let model: import('survey-core').Model | null = null;
/** Answers that did not get stored (a server error): the "try again" button sends them with the same key. */
let failed: { answers: Record<string, unknown>; key: string } | null = null;
/** Staff typing in paper answers (?paper=<round id>): the code from the slip, and answers not yet stored. */
/** Staff typing in paper slips: the round, the slip's code and language, and answers waiting for a right code. */
let paper: {
  roundId: string;
  code: string;
  language: LanguageCode;
  pending: Record<string, unknown> | null;
} | null = null;
/** The api's answer to a code or a paper round: the questionnaire, or a problem+json naming its `type`. */
type SurveyAnswer = {
  questionnaire: object;
  languages: string[];
  /** The round's programme, which the title names. */
  programmeName?: string;
  /** Recorded readings: language → text key → recording id. */
  audio?: Record<string, Record<string, string>>;
  type?: string;
  opensAt?: string;
};

function pickLanguage(): LanguageCode {
  const asked = params.get('lang');
  if (asked && (LANGUAGE_CODES as readonly string[]).includes(asked)) return asked as LanguageCode;
  for (const l of navigator.languages ?? []) {
    const base = l.toLowerCase().split('-')[0];
    const hit = LANGUAGE_CODES.find((c) => c === l.toLowerCase() || c === base);
    if (hit) return hit;
  }
  return 'sv';
}

function setLanguage(code: LanguageCode): void {
  lang = code;
  const dir = LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
  document.documentElement.lang = code === 'sv-easy' ? 'sv' : code;
  document.documentElement.dir = dir;
  $('code-title').textContent = ui('typeCode', code);
  $('code-label').textContent = ui('codeHint', code);
  $('code-submit').textContent = ui('next', code);
  $('not-me').textContent = ui('notMe', code);
  $('idle-title').textContent = ui('idleTitle', code);
  $('still-here').textContent = ui('stillHere', code);
  $('message-retry').textContent = ui('tryAgain', code);
  setReadAloudLanguage(code, ui('readAloud', code), recordingsIn(code));
}

/** The site's own screens' recordings (packages/questionnaires' BEFORE_ROUND_AUDIO): language → text key → id. */
let siteAudio: Record<string, Record<string, string>> = {};
let siteAudioAsked = false;

/** The recordings the buttons may play in a language: the site's own screens', then the round's questionnaire's. */
function recordingsIn(code: LanguageCode): Record<string, string> {
  return { ...siteAudio[code], ...questionnaire?.audio?.[code] };
}

/**
 * Asks once, when the code screen or a refused code first shows, for the recordings of those screens, so a phone
 * without a voice for the language can hear them. Not on the first screen's way: it loads after it.
 */
function askSiteAudio(): void {
  if (siteAudioAsked) return;
  siteAudioAsked = true;
  void fetch('/api/public/surveys/audio', { credentials: 'same-origin' })
    .then((res) => (res.ok ? (res.json() as Promise<typeof siteAudio>) : {}))
    .then((audio) => {
      siteAudio = audio;
      setReadAloudLanguage(lang, ui('readAloud', lang), recordingsIn(lang));
    })
    // No connection: the next such screen asks again; until then the phone's voice reads, where it has one.
    .catch(() => (siteAudioAsked = false));
}

/** A message of the site's that staff may have recorded, or null where it is read by a voice only. */
function recordable(key: UiKey): MessageAudioId | null {
  return (BEFORE_ROUND_AUDIO as readonly string[]).includes(key) ? (key as MessageAudioId) : null;
}

/** The refusal shown on the code screen (a code that does not exist, is used, closed …), if any. */
let codeProblem: UiKey | null = null;

/**
 * A read-aloud button on each screen of the page's own, under its heading: it reads what the screen shows when
 * pressed (the title, the text, an error), so a message or an error that came later is read too.
 */
function addReadAloudButtons(): void {
  // The questionnaire's title and description may be recorded (INTRO_AUDIO_KEY), and the site's messages; those shown
  // before a round is known come from askSiteAudio. The idle warning carries a count, so a voice reads it.
  const screens: [string, string[], TextKey?][] = [
    [
      'code-title',
      ['code-title', 'code-form', 'code-error'],
      // A refusal not recorded ("not open yet") has a key without a recording: a voice then reads the screen.
      keyWithMessage(messageAudioKey('code'), () =>
        codeProblem && $('code-error').textContent ? `message:${codeProblem}` : undefined,
      ),
    ],
    [
      'message-title',
      ['message-title', 'message-text'],
      () => (recordedMessage ? messageAudioKey(recordedMessage) : undefined),
    ],
    [
      'survey-description',
      ['survey-title', 'survey-description', 'survey-error'],
      keyWithMessage(INTRO_AUDIO_KEY, () =>
        $('survey-error').textContent ? messageAudioKey('fixAnswers') : undefined,
      ),
    ],
    ['idle-title', ['idle-title', 'idle-text']],
  ];
  for (const [after, ids, key] of screens) $(after).after(readAloudButton(() => ids.map((id) => $(id)), key));
}

/** The language chosen on the code screen, if any: the questionnaire then opens in it without asking again. */
let codeScreenLanguage: LanguageCode | null = null;

const OFFERED_KEY = 'stegvis-survey-offered';

/**
 * The languages the participant may choose. A programme may refuse machine translations nobody has reviewed, so
 * the round decides; before a code names one (the code screen), the languages the last round on this device
 * offered: a kiosk tablet serves one programme. The list names no person, so it outlives the visit.
 */
function offeredLanguages(): (typeof LANGUAGES)[number][] {
  let known: readonly string[] | null = questionnaire?.languages ?? null;
  if (!known)
    try {
      const kept: unknown = JSON.parse(localStorage.getItem(OFFERED_KEY) ?? 'null');
      if (Array.isArray(kept) && kept.length) known = kept.filter((x) => typeof x === 'string');
    } catch {
      known = null;
    }
  return LANGUAGES.filter((l) => !known || known.includes(l.code));
}

function isOffered(code: string): code is LanguageCode {
  return offeredLanguages().some((l) => l.code === code);
}

/** The round's questionnaire, and its languages kept for the next code screen on this device. */
function keepQuestionnaire(body: SurveyAnswer): void {
  questionnaire = {
    json: body.questionnaire,
    languages: body.languages,
    programmeName: body.programmeName ?? '',
    audio: body.audio ?? {},
  };
  // The phone's language may be one this programme does not offer: the screens then speak Swedish until chosen.
  if (!body.languages.includes(lang)) setLanguage('sv');
  try {
    localStorage.setItem(OFFERED_KEY, JSON.stringify(body.languages));
  } catch {
    // Storage off (a private window): the code screen then offers every language.
  }
}

/** The code screen with its language choice, which translates the screen at once. */
function showCodeScreen(): void {
  askSiteAudio();
  const list = $('code-languages').querySelector('ul')!;
  list.replaceChildren(
    ...offeredLanguages().map((l) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.lang = l.code === 'sv-easy' ? 'sv' : l.code;
      b.dir = l.dir;
      b.dataset.codeLang = l.code;
      b.textContent = l.name;
      b.setAttribute('aria-pressed', String(l.code === lang));
      b.addEventListener('click', () => {
        codeScreenLanguage = l.code;
        setLanguage(l.code);
        for (const other of list.querySelectorAll('button'))
          other.setAttribute('aria-pressed', String(other === b));
        $('code-languages').setAttribute('aria-label', ui('chooseLanguage', l.code));
      });
      li.append(b);
      return li;
    }),
  );
  $('code-languages').hidden = false;
  show('code');
}

function show(id: 'start' | 'code' | 'message' | 'survey'): void {
  for (const s of ['start', 'code', 'message', 'survey']) $(s).hidden = s !== id;
}

/** The message on screen, where it is one that staff may have recorded (packages/questionnaires' MESSAGE_AUDIO). */
let recordedMessage: MessageAudioId | null = null;

function message(key: UiKey, text = '', recorded: MessageAudioId | null = null): void {
  $('message-title').textContent = ui(key, lang);
  $('message-text').textContent = text;
  $('message-retry').hidden = true;
  recordedMessage = recorded;
  refreshReadAloud();
  show('message');
}

/** The api's problem body, as far as the messages need it. */
interface ProblemBody {
  type?: string;
  opensAt?: string;
  /** Seconds to wait after too many wrong codes (429). */
  retryAfter?: number;
}

function problemKey(status: number, type?: string): UiKey {
  if (status === 409) return 'used';
  if (status === 410) return type?.endsWith('/round-not-open') ? 'notOpen' : 'closed';
  if (status === 429) return 'tooMany';
  if (status >= 500) return 'serverError';
  return 'unknown';
}

/** A round not open yet says when it opens, in Swedish time (where the group meets) and the reader's language. */
function problemDetail(key: UiKey, body: ProblemBody | null): string {
  if (key === 'tooMany') return ui('waitSeconds', lang, { seconds: body?.retryAfter ?? 60 });
  if (key !== 'notOpen' || !body?.opensAt) return '';
  const when = new Intl.DateTimeFormat(lang === 'sv-easy' ? 'sv' : lang, {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(body.opensAt));
  return ui('opensAt', lang).replace('{when}', when);
}

function problemMessage(status: number, body: ProblemBody | null): void {
  const key = problemKey(status, body?.type);
  if (recordable(key)) askSiteAudio();
  message(key, problemDetail(key, body), recordable(key));
}

async function start(token: string | null): Promise<boolean> {
  // A new link is a new visit: nothing of the last one (another person's answers on a shared phone) comes back.
  if (token) forgetVisit();
  const res = token
    ? await fetch('/api/public/surveys/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
        credentials: 'same-origin',
      })
    : await fetch('/api/public/surveys/current', { credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as SurveyAnswer;
  if (!res.ok) {
    // Without a link, the cookie may hold a code already spent (the last person on a kiosk tablet, or this person
    // back after answering): then ask for a code. The cookie stays until it expires, so a retried submission whose
    // answer was lost on the way still finds its code.
    if (!token && (res.status === 404 || res.status === 409)) return false;
    problemMessage(res.status, body);
    return false;
  }
  keepQuestionnaire(body);
  return true;
}

function renderLanguages(): void {
  const list = $('languages');
  list.replaceChildren(
    ...offeredLanguages().map((l) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      li.append(b);
      b.lang = l.code === 'sv-easy' ? 'sv' : l.code;
      b.dir = l.dir;
      b.dataset.lang = l.code;
      b.textContent = l.name;
      b.addEventListener('click', () => void openSurvey(l.code));
      return li;
    }),
  );
  $('start-title').textContent = ui('chooseLanguage', lang);
  // "Choose your language" in the other languages on offer, and only those: a language not offered is not invited.
  const others = offeredLanguages().filter(
    (l) => l.code !== 'sv-easy' && ui('chooseLanguage', l.code) !== ui('chooseLanguage', lang),
  );
  $('start-lead').replaceChildren(
    ...others.flatMap((l, i) => {
      const span = document.createElement('span');
      span.lang = l.code;
      span.dir = l.dir;
      span.textContent = ui('chooseLanguage', l.code);
      return i ? [' · ', span] : [span];
    }),
  );
  // SurveyJS downloads while the participant picks a language (after the list is on screen, so it does not
  // compete with it); it runs only once they have picked one.
  void afterPaint().then(preloadSurvey);
}

async function openSurvey(code: LanguageCode, draft: Draft | null = null): Promise<void> {
  setLanguage(code);
  $('survey-error').textContent = '';
  const json = inLanguage(questionnaire!.json, code);
  // Title and description at once, in plain HTML, while SurveyJS is still on its way.
  $('survey-title').textContent = textIn((json as { title?: unknown }).title, code).replace(
    '{programme}',
    questionnaire!.programmeName || ui('theProgramme', code),
  );
  $('survey-description').textContent = textIn((json as { description?: unknown }).description, code);
  show('survey');
  await afterPaint();
  const { createSurvey, mountSurvey } = await loadSurveyPage();
  // Building the model and drawing it are separate tasks, so neither blocks the phone for long.
  await nextTask();
  const created = await createSurvey(
    {
      json,
      lang: code,
      defaultLocale: DEFAULT_LOCALE,
      rtl: LANGUAGES.find((l) => l.code === code)?.dir === 'rtl',
      readAloud: (question, name) => readAloudButton(() => [question], questionAudioKey(name)),
      progress: (n, total) => ui('progress', code, { n, total }),
      scaleName: (n, total, meaning) =>
        meaning
          ? ui('scaleEnd', code, {
              n,
              total,
              meaning: meaning.toLocaleLowerCase(code === 'sv-easy' ? 'sv' : code),
            })
          : ui('scaleValue', code, { n, total }),
      initial: draft ? { data: draft.data, page: draft.page } : undefined,
      // Paper answers belong to staff typing slip after slip: they are not kept in the tab.
      onChange: paper ? undefined : (data, page) => saveDraft({ lang: code, data, page }),
      onComplete: (answers) => void send(answers),
    },
    nextTask,
  );
  model = created;
  await nextTask();
  $('loading').hidden = true;
  await mountSurvey(created, $('survey-root'), nextTask);
}

function syncLine(state: SubmitState): void {
  const line = $('sync');
  line.hidden = false;
  line.classList.toggle('ok', state === 'stored');
  const key: Record<SubmitState, UiKey> = {
    sending: 'sending',
    offline: 'offline',
    retrying: 'retrying',
    stored: 'thanks',
    rejected: 'sending',
    failed: 'serverError',
  };
  line.textContent = ui(key[state], lang);
}

/** A refused answer's field errors: `answers.<question>` names the question to fix. */
function refusedQuestions(body: unknown): string[] {
  const errors = (body as { errors?: { field?: string }[] } | null)?.errors ?? [];
  return [
    ...new Set(errors.map((e) => /^answers\.(.+)$/.exec(e.field ?? '')?.[1]).filter((n) => n !== undefined)),
  ];
}

async function send(answers: Record<string, unknown>, key: string = crypto.randomUUID()): Promise<void> {
  if (paper) return sendPaper(answers);
  unsent = true;
  failed = null;
  const out = await submitUntilStored({
    url: '/api/public/surveys/current/responses',
    key,
    body: { language: lang, answers },
    onState: syncLine,
  });
  unsent = false;
  $('sync').hidden = true;
  if (out.state === 'stored') {
    forgetVisit();
    message('thanks', '', 'thanks');
    // A kiosk tablet starts over for the next person.
    if (kiosk) setTimeout(() => void endVisit(), 8000);
    return;
  }
  if (out.state === 'failed' || (out.status !== 400 && ![404, 409, 410].includes(out.status))) {
    // The server kept failing (or answered what the page cannot explain): the answers stay for a later try.
    failed = { answers, key };
    message('serverError', ui('tryLater', lang), 'serverError');
    $('message-retry').hidden = false;
    $('message-retry').focus();
    return;
  }
  if (out.status === 400 && model) {
    // Refused: the questionnaire comes back with the answers, the questions to fix marked.
    const { reopenWithErrors } = await loadSurveyPage();
    show('survey');
    reopenWithErrors(model, refusedQuestions(out.body), ui('fixThis', lang));
    $('survey-error').textContent = ui('fixAnswers', lang);
    refreshReadAloud();
    $('survey-error').scrollIntoView({ block: 'center' });
    return;
  }
  // Used, closed or unknown: these answers can never be stored with this code.
  forgetVisit();
  problemMessage(out.status, out.body as ProblemBody | null);
}

/**
 * A paper answer goes in with the staff member's session (and its CSRF token). A mistyped or used code sends them
 * back to the code field with the answers kept, so nothing typed in is lost.
 */
async function sendPaper(answers: Record<string, unknown>): Promise<void> {
  const p = paper!;
  p.pending = answers;
  unsent = true;
  const csrf = decodeURIComponent(document.cookie.match(/(?:^|; )stegvis_csrf=([^;]+)/)?.[1] ?? '');
  const out = await submitUntilStored({
    url: `/api/survey-rounds/${encodeURIComponent(p.roundId)}/paper-responses`,
    key: crypto.randomUUID(),
    body: { code: p.code, language: p.language, answers },
    headers: { 'x-csrf-token': csrf },
    onState: syncLine,
  });
  unsent = false;
  $('sync').hidden = true;
  $<HTMLInputElement>('code-input').value = '';
  const stored = out.state === 'stored';
  $('code-error').classList.toggle('ok', stored);
  if (stored) {
    p.pending = null;
    // Unmounted, not emptied: SurveyJS's renderer keeps its tree for the element, and the next slip's questionnaire
    // drew nothing into an element emptied under it.
    (await loadSurveyPage()).unmountSurvey($('survey-root'));
    $('code-error').textContent = `Sparat (kod ${p.code}). Skriv nästa lapps kod.`;
  } else {
    const why =
      {
        404: 'Koden finns inte i den här omgången.',
        409: 'Koden är redan använd.',
        410: 'Omgången är stängd.',
      }[out.status] ?? 'Svaret kunde inte sparas.';
    $('code-error').textContent = `${why} Svaren finns kvar – skriv rätt kod så sparas de.`;
  }
  show('code');
  $<HTMLInputElement>('code-input').focus();
}

async function paperMode(roundId: string): Promise<void> {
  const res = await fetch(`/api/survey-rounds/${encodeURIComponent(roundId)}/questionnaire`, {
    credentials: 'same-origin',
  });
  if (!res.ok) {
    $('message-title').textContent =
      res.status === 401
        ? 'Logga in i Stegvis först och öppna sedan länken igen.'
        : 'Enkätomgången finns inte, eller hör inte till dina grupper.';
    show('message');
    return;
  }
  const body = (await res.json()) as SurveyAnswer;
  questionnaire = {
    json: body.questionnaire,
    languages: body.languages,
    programmeName: body.programmeName ?? '',
  };
  paper = { roundId, code: '', language: 'sv', pending: null };
  // The slip's language is what the participant answered in (the reports count answers per language); staff type
  // the answers into the Swedish questionnaire, whose choices are the same.
  const slipLanguage = $<HTMLSelectElement>('paper-language');
  slipLanguage.replaceChildren(
    ...LANGUAGES.filter((l) => questionnaire!.languages.includes(l.code)).map(
      (l) => new Option(l.name, l.code),
    ),
  );
  $('paper-language-field').hidden = false;
  $('code-title').textContent = 'Pappersenkät: skriv in svaren';
  $('code-label').textContent = 'Koden på deltagarens lapp';
  show('code');
  void afterPaint().then(preloadSurvey);
  $('code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $<HTMLInputElement>('code-input').value.trim().toUpperCase();
    if (!value) return;
    paper!.code = value;
    paper!.language = slipLanguage.value as LanguageCode;
    $('code-error').textContent = '';
    if (paper!.pending) return void sendPaper(paper!.pending);
    void openSurvey('sv');
  });
}

/** The address a kiosk tablet starts over at: the kiosk and idle parameters, nothing else. */
function kioskAddress(): string {
  const keep = new URLSearchParams();
  for (const name of ['kiosk', 'idle']) {
    const v = params.get(name);
    if (v) keep.set(name, v);
  }
  return `${location.pathname}?${keep}`;
}

/** Ends the visit on a kiosk tablet: the api forgets the code's cookie, the tab the answers; then the code field. */
async function endVisit(): Promise<void> {
  unsent = false;
  forgetVisit();
  await fetch('/api/public/surveys/session', { method: 'DELETE', credentials: 'same-origin' }).catch(
    () => null,
  );
  location.replace(kioskAddress());
}

let idleTimer: number | undefined;

/**
 * Watches for a person at the kiosk: any touch, key or scroll counts. Before the reset a warning asks, in the chosen
 * language, whether they are still there; "still here" (or any touch) keeps the visit.
 */
function watchIdle(): void {
  if (idleTimer !== undefined) return;
  $('kiosk-bar').hidden = false;
  let last = Date.now();
  let stored = last;
  touchVisit(last);
  const seen = () => {
    last = Date.now();
    // Into sessionStorage at most every second: a scroll fires many events.
    if (last - stored > 1000) touchVisit((stored = last));
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'])
    document.addEventListener(type, seen, { capture: true, passive: true });
  const warnMs = warningTime(idleMs);
  let focusBefore: HTMLElement | null = null;
  idleTimer = window.setInterval(() => {
    // A finished answer still on its way (no connection) is not thrown away: it goes, then the tablet starts over.
    if (unsent) last = Date.now();
    const idle = Date.now() - last;
    if (idle >= idleMs) {
      window.clearInterval(idleTimer);
      void endVisit();
      return;
    }
    const warning = idle >= idleMs - warnMs;
    if (warning) $('idle-text').textContent = ui('idleText', lang, { n: Math.ceil((idleMs - idle) / 1000) });
    if ($('idle').hidden === warning) {
      $('idle').hidden = !warning;
      // The warning takes the focus, and gives it back to where the person was when they answer it.
      if (warning) {
        focusBefore = document.activeElement as HTMLElement | null;
        $('still-here').focus();
      } else focusBefore?.focus();
    }
  }, 250);
  $('still-here').addEventListener('click', () => {
    last = Date.now();
    touchVisit(last);
    $('idle').hidden = true;
    focusBefore?.focus();
  });
  $('not-me').addEventListener('click', () => void endVisit());
}

window.addEventListener('beforeunload', (e) => {
  if (unsent) e.preventDefault();
});

async function main(): Promise<void> {
  addReadAloudButtons();
  setLanguage(lang);
  const paperRound = params.get('paper');
  if (paperRound) return paperMode(paperRound);
  const token = params.get('t');
  if (token) {
    // The token must not stay in the address bar, history or a Referer.
    params.delete('t');
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }
  if (kiosk && !token && !visitAlive(idleMs)) {
    // Nobody's visit is going on in this tab: whatever code the cookie holds is the last person's.
    forgetVisit();
    await fetch('/api/public/surveys/session', { method: 'DELETE', credentials: 'same-origin' }).catch(
      () => null,
    );
    showCodeScreen();
    $('code-form').addEventListener('submit', (e) => void submitCode(e));
    return;
  }
  if (await start(token)) {
    if (kiosk) watchIdle();
    // A reload in the middle of the questionnaire: the answers kept in the tab come back, on their page.
    const draft = loadDraft();
    if (draft && isOffered(draft.lang)) return void openSurvey(draft.lang, draft);
    // A link that names the language (a QR code made for an Arabic-speaking group, say) goes straight in.
    const asked = params.get('lang');
    if (asked && isOffered(asked)) return void openSurvey(asked);
    renderLanguages();
    show('start');
    return;
  }
  if (!$('message').hidden) return;
  forgetVisit();
  showCodeScreen();
  $('code-form').addEventListener('submit', (e) => void submitCode(e));
}

/** A code typed in by hand, traded for the session cookie like a link's token. */
async function submitCode(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  const value = $<HTMLInputElement>('code-input').value.trim();
  if (!value) return;
  $('code-error').textContent = '';
  codeProblem = null;
  const res = await fetch('/api/public/surveys/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: value }),
    credentials: 'same-origin',
  });
  const body = (await res.json().catch(() => ({}))) as SurveyAnswer;
  if (!res.ok) {
    const key = problemKey(res.status, body.type);
    $('code-error').textContent = [ui(key, lang), problemDetail(key, body)].filter(Boolean).join(' ');
    codeProblem = key;
    refreshReadAloud();
    return;
  }
  // A new code is a new visit: nothing of the last person's stays.
  forgetVisit();
  keepQuestionnaire(body);
  if (kiosk) watchIdle();
  // A language this round does not offer (the device last served another programme) is chosen again.
  if (codeScreenLanguage && isOffered(codeScreenLanguage)) return void openSurvey(codeScreenLanguage);
  renderLanguages();
  show('start');
}

$('message-retry').addEventListener('click', () => {
  if (!failed) return;
  message('sending');
  void send(failed.answers, failed.key);
});

void main();
