/** Route paths shared by the api and its clients. */
export const API_PREFIX = 'api';
export const ROUTES = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  programmes: '/api/programmes',
  municipalities: '/api/municipalities',
  organisations: '/api/organisations',
  publicSurvey: '/api/public/surveys',
} as const;
