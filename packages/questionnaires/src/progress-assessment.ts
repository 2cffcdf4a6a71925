import { t } from './languages.js';

const dim = (name: string, title: ReturnType<typeof t>) => ({
  type: 'rating',
  name,
  title,
  isRequired: true,
  rateMin: 1,
  rateMax: 5,
  displayMode: 'buttons',
  minRateDescription: t('Inte alls', 'Inte alls', 'Not at all', 'إطلاقًا', 'اصلاً', 'Gabi ahaanba maya', 'ፈጺሙ'),
  maxRateDescription: t('Mycket', 'Mycket', 'Very much', 'كثيرًا جدًا', 'خیلی زیاد', 'Aad iyo aad', 'ኣዝዩ'),
});

/** The self-assessment at start, middle and end: the same dimensions as the progress tool (skattningsverktyg). */
export const PROGRESS_ASSESSMENT_V1 = {
  title: t(
    'Hur ser det ut för dig just nu?',
    'Hur går det för dig?',
    'Where do you stand right now?',
    'كيف هو وضعك الآن؟',
    'وضع شما در حال حاضر چطور است؟',
    'Xaggee taagan tahay hadda?',
    'ሕጂ ኣበየናይ ደረጃ ኣለኻ?',
  ),
  showQuestionNumbers: 'off',
  pages: [
    {
      name: 'dimensions',
      elements: [
        dim(
          'swedish',
          t(
            'Jag kan prata svenska',
            'Jag pratar svenska',
            'I can speak Swedish',
            'أستطيع التحدث بالسويدية',
            'می توانم سویدنی صحبت کنم',
            'Waan ku hadli karaa Iswiidhish',
            'ስዊድንኛ ክዛረብ እኽእል',
          ),
        ),
        dim(
          'digital_skills',
          t(
            'Jag kan använda dator och mobil',
            'Jag kan använda dator',
            'I can use a computer and a phone',
            'أستطيع استخدام الحاسوب والهاتف',
            'می توانم از کمپیوتر و موبایل استفاده کنم',
            'Waan isticmaali karaa kombiyuutar iyo taleefan',
            'ኮምፒተርን ተሌፎንን ክጥቀም እኽእል',
          ),
        ),
        dim(
          'labour_market_knowledge',
          t(
            'Jag vet hur arbetsmarknaden fungerar',
            'Jag vet hur man får jobb',
            'I know how the labour market works',
            'أعرف كيف يعمل سوق العمل',
            'می دانم بازار کار چطور کار می کند',
            'Waan garanayaa sida suuqa shaqadu u shaqeeyo',
            'ዕዳጋ ስራሕ ብኸመይ ከም ዝሰርሕ እፈልጥ',
          ),
        ),
        dim(
          'job_search',
          t(
            'Jag kan söka jobb själv',
            'Jag kan söka jobb',
            'I can look for jobs on my own',
            'أستطيع البحث عن عمل بنفسي',
            'می توانم خودم دنبال کار بگردم',
            'Keligay ayaan shaqo raadin karaa',
            'ባዕለይ ስራሕ ክደሊ እኽእል',
          ),
        ),
        dim(
          'network',
          t(
            'Jag känner människor som kan hjälpa mig',
            'Jag känner folk som hjälper mig',
            'I know people who can help me',
            'أعرف أشخاصًا يمكنهم مساعدتي',
            'افرادی را می شناسم که می توانند به من کمک کنند',
            'Waxaan aqaanaa dad i caawin kara',
            'ክሕግዙኒ ዝኽእሉ ሰባት እፈልጥ',
          ),
        ),
        dim(
          'health_energy',
          t(
            'Jag har ork och mår bra',
            'Jag mår bra',
            'I have energy and feel well',
            'لدي طاقة وأشعر بصحة جيدة',
            'انرژی دارم و حالم خوب است',
            'Waxaan leeyahay tamar waana caafimaadqabaa',
            'ሓይሊ ኣለኒ ጽቡቕ ድማ ይስምዓኒ',
          ),
        ),
        dim(
          'self_belief',
          t(
            'Jag tror på att jag kan nå mina mål',
            'Jag tror på mig själv',
            'I believe I can reach my goals',
            'أؤمن أنني أستطيع تحقيق أهدافي',
            'باور دارم که می توانم به اهدافم برسم',
            'Waxaan rumaysanahay inaan gaari karo yoolalkayga',
            'ሸቶታተይ ክበጽሕ ከም ዝኽእል እኣምን',
          ),
        ),
      ],
    },
  ],
};
