import { t, type Texts } from './languages.js';

/** A 1–5 scale's end labels, worded for the question they sit under. */
interface Ends {
  min: Texts;
  max: Texts;
}

// "How satisfied are you": Arabic names both forms (راضٍ/راضية), as it addresses the participant; Dari, Somali and
// Tigrinya (first person) have no gendered form here.
const SATISFIED: Ends = {
  min: t(
    'Inte alls nöjd',
    'Inte bra',
    'Not at all satisfied',
    'غير راضٍ/راضية على الإطلاق',
    'اصلاً راضی نیستم',
    'Gabi ahaanba kuma qanacsani',
    'ፈጺመ ዘይዓገብኩ',
  ),
  max: t(
    'Mycket nöjd',
    'Mycket bra',
    'Very satisfied',
    'راضٍ/راضية جدًا',
    'خیلی راضی هستم',
    'Aad baan ugu qanacsanahay',
    'ኣዝየ ዝዓገብኩ',
  ),
};

// "How good were the lectures / talks / was the internship": the labels describe the thing, not the person.
const GOOD: Ends = {
  min: t('Inte alls bra', 'Dåligt', 'Not good at all', 'سيئ جدًا', 'خیلی بد', 'Aad u xun', 'ኣዝዩ ሕማቕ'),
  max: t('Mycket bra', 'Mycket bra', 'Very good', 'جيد جدًا', 'خیلی خوب', 'Aad u fiican', 'ኣዝዩ ጽቡቕ'),
};

const rating = (name: string, title: Texts, ends: Ends, extra: object = {}) => ({
  type: 'rating',
  name,
  title,
  isRequired: true,
  rateMin: 1,
  rateMax: 5,
  // Phones turn a rating into a dropdown unless told otherwise; buttons are easier to hit and to read aloud.
  displayMode: 'buttons',
  // Beside the five buttons the end labels pushed them onto two or three lines on a phone; below, the five fit on
  // one line from 320 px (the survey site's scale journey measures it).
  rateDescriptionLocation: 'bottom',
  minRateDescription: ends.min,
  maxRateDescription: ends.max,
  ...extra,
});

/** The end-of-group questionnaire, version 1 (what the progress reports summarise). */
export const END_OF_GROUP_V1 = {
  // `{programme}`: the survey site puts the round's programme name there.
  title: t(
    'Vad tyckte du om {programme}?',
    'Vad tyckte du om {programme}?',
    'What did you think of {programme}?',
    'ما رأيك في {programme}؟',
    'نظر شما در باره {programme} چیست؟',
    'Maxaad ka qabtaa {programme}?',
    'ብዛዕባ {programme} ርእይቶኹም እንታይ እዩ?',
  ),
  description: t(
    'Dina svar är anonyma. Ingen kan se vad just du har svarat.',
    'Ingen vet vad du svarar.',
    'Your answers are anonymous. Nobody can see what you answered.',
    'إجاباتك مجهولة الهوية. لا أحد يستطيع أن يرى ما أجبت.',
    'جواب های شما بی نام است. هیچ کس نمی تواند ببیند شما چه جواب داده اید.',
    'Jawaabahaagu waa qarsoodi. Cidna ma arki karto waxaad ka jawaabtay.',
    'መልስታትኩም ስም ዘይብሎም እዮም። ዝመለስኩምዎ ዝርኢ ሰብ የለን።',
  ),
  showQuestionNumbers: 'off',
  pages: [
    {
      name: 'programme',
      elements: [
        rating(
          'overall',
          t(
            'Hur nöjd är du med programmet som helhet?',
            'Hur bra var programmet?',
            'How satisfied are you with the programme overall?',
            'ما مدى رضاك عن البرنامج بشكل عام؟',
            'به طور کلی از برنامه چقدر راضی هستید؟',
            'Guud ahaan intee in le’eg ayaad ku qanacsan tahay barnaamijka?',
            'ብሓፈሻ ብእቲ መደብ ክንደይ ዓጊብኩም?',
          ),
          SATISFIED,
        ),
        rating(
          'lectures',
          t(
            'Hur bra var föreläsningarna?',
            'Hur bra var lektionerna?',
            'How good were the lectures?',
            'ما مدى جودة المحاضرات؟',
            'لکچرها چقدر خوب بودند؟',
            'Intee ayay wanaagsanaayeen casharradu?',
            'እቶም መደረታት ክንደይ ጽቡቓት ነይሮም?',
          ),
          GOOD,
        ),
        rating(
          'talks',
          t(
            'Hur bra var dina enskilda samtal med personalen?',
            'Hur bra var samtalen med personalen?',
            'How good were your one-to-one talks with the staff?',
            'ما مدى جودة محادثاتك الفردية مع الموظفين؟',
            'گفتگوهای انفرادی شما با کارمندان چقدر خوب بود؟',
            'Intee ayay wanaagsanaayeen wada-hadalladaada gaarka ah ee shaqaalaha?',
            'ምስ ሰራሕተኛታት ዝነበረኩም ውልቃዊ ዝርርባት ክንደይ ጽቡቕ ነይሩ?',
          ),
          GOOD,
        ),
      ],
    },
    {
      name: 'internship',
      elements: [
        {
          type: 'radiogroup',
          name: 'internship',
          isRequired: true,
          title: t(
            'Fick du praktik?',
            'Fick du praktik?',
            'Did you get an internship?',
            'هل حصلت على تدريب عملي؟',
            'آیا کارآموزی گرفتید؟',
            'Ma heshay tababar shaqo?',
            'ልምምድ ስራሕ ረኺብኩም ዶ?',
          ),
          choices: [
            { value: 'yes', text: t('Ja', 'Ja', 'Yes', 'نعم', 'بلی', 'Haa', 'እወ') },
            { value: 'no', text: t('Nej', 'Nej', 'No', 'لا', 'نخیر', 'Maya', 'ኣይፋል') },
          ],
        },
        rating(
          'internship_rating',
          t(
            'Hur var din praktik?',
            'Hur var praktiken?',
            'How was your internship?',
            'كيف كان تدريبك العملي؟',
            'کارآموزی شما چطور بود؟',
            'Sidee ayuu ahaa tababarkaagu?',
            'ልምምድ ስራሕኩም ከመይ ነይሩ?',
          ),
          GOOD,
          { visibleIf: "{internship} = 'yes'", isRequired: false },
        ),
        {
          type: 'radiogroup',
          name: 'time',
          title: t(
            'Hur var tiden i programmet?',
            'Var det lagom lång tid?',
            'How was the length of the programme?',
            'كيف كانت مدة البرنامج؟',
            'مدت برنامج چطور بود؟',
            'Sidee ayuu ahaa dhererka barnaamijku?',
            'ንውሓት እቲ መደብ ከመይ ነይሩ?',
          ),
          choices: [
            {
              value: 'too_short',
              text: t(
                'För kort',
                'För kort',
                'Too short',
                'قصيرة جدًا',
                'خیلی کوتاه',
                'Aad u gaaban',
                'ኣዝዩ ሓጺር',
              ),
            },
            {
              value: 'right',
              text: t('Lagom', 'Lagom', 'About right', 'مناسبة', 'مناسب', 'Ku habboon', 'ልክዕ'),
            },
            {
              value: 'too_long',
              text: t(
                'För lång',
                'För lång',
                'Too long',
                'طويلة جدًا',
                'خیلی طولانی',
                'Aad u dheer',
                'ኣዝዩ ነዊሕ',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'wishes',
      elements: [
        {
          type: 'checkbox',
          name: 'wants',
          title: t(
            'Vad hade du velat ha mer av?',
            'Vad vill du ha mer av?',
            'What would you have liked more of?',
            'ماذا كان ينبغي أن يكون أكثر في البرنامج؟',
            'از چه چیزی بیشتر می خواستید؟',
            'Maxaad jeclaan lahayd inay bataan?',
            'ካብ እንታይ ብዝያዳ ምደለኹም?',
          ),
          choices: [
            {
              value: 'language_support',
              text: t(
                'Språkstöd',
                'Hjälp med språket',
                'Language support',
                'دعم لغوي',
                'کمک زبانی',
                'Taageero luuqadeed',
                'ደገፍ ቋንቋ',
              ),
            },
            {
              value: 'digital_skills',
              text: t(
                'Digital kunskap',
                'Lära mig mer om dator',
                'Digital skills',
                'مهارات رقمية',
                'مهارت های دیجیتال',
                'Xirfadaha dijitaalka',
                'ዲጂታላዊ ክእለት',
              ),
            },
            {
              value: 'study_visits',
              text: t(
                'Studiebesök',
                'Besök på arbetsplatser',
                'Study visits',
                'زيارات دراسية',
                'بازدیدهای آموزشی',
                'Booqashooyin waxbarasho',
                'ትምህርታዊ በጻሕታት',
              ),
            },
            {
              value: 'meeting_places',
              text: t(
                'Mötesplatser',
                'Träffa andra',
                'Meeting places',
                'أماكن للقاء',
                'جاهای ملاقات',
                'Goobo kulan',
                'ቦታታት ርክብ',
              ),
            },
            {
              value: 'more_time',
              text: t(
                'Mer tid i programmet',
                'Mer tid',
                'More time in the programme',
                'وقت أطول في البرنامج',
                'وقت بیشتر در برنامه',
                'Waqti dheeraad ah oo barnaamijka ah',
                'ዝያዳ ግዜ ኣብቲ መደብ',
              ),
            },
          ],
        },
        {
          type: 'radiogroup',
          name: 'next',
          title: t(
            'Vad händer för dig nu?',
            'Vad gör du nu?',
            'What happens for you now?',
            'ماذا سيحدث لك الآن؟',
            'اکنون برای شما چه می شود؟',
            'Maxaa kuu dhacaya hadda?',
            'ሕጂ እንታይ ኢኹም ክትገብሩ?',
          ),
          choices: [
            {
              value: 'work',
              text: t(
                'Jag ska arbeta',
                'Jobba',
                'I will work',
                'سأعمل',
                'کار خواهم کرد',
                'Waan shaqayn doonaa',
                'ክሰርሕ እየ',
              ),
            },
            {
              value: 'studies',
              text: t(
                'Jag ska studera',
                'Plugga',
                'I will study',
                'سأدرس',
                'درس خواهم خواند',
                'Waan wax baran doonaa',
                'ክመሃር እየ',
              ),
            },
            {
              value: 'plan',
              text: t(
                'Jag har en plan',
                'Jag har en plan',
                'I have a plan',
                'لدي خطة',
                'یک برنامه دارم',
                'Qorshe ayaan haystaa',
                'መደብ ኣለኒ',
              ),
            },
            {
              value: 'dont_know',
              text: t(
                'Jag vet inte än',
                'Vet inte',
                'I do not know yet',
                'لا أعرف بعد',
                'هنوز نمی دانم',
                'Weli ma garanayo',
                'ገና ኣይፈለጥኩን',
              ),
            },
          ],
        },
        {
          type: 'comment',
          name: 'comment',
          maxLength: 2000,
          title: t(
            'Vill du säga något mer?',
            'Vill du säga något mer?',
            'Anything else you want to tell us?',
            'هل من شيء آخر للإضافة؟',
            'آیا می خواهید چیز دیگری بگویید؟',
            'Ma jiraa wax kale oo aad rabto inaad sheegto?',
            'ካልእ ክትብልዎ እትደልዩ ኣሎ ዶ?',
          ),
        },
      ],
    },
  ],
};
