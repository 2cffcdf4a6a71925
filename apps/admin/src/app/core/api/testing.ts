import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideApi } from './provide-api';

export { HttpTestingController } from '@angular/common/http/testing';

/** The app's api pipeline (provideApi) with Angular's testing backend: a spec answers each request itself. */
export function provideApiTesting(): (Provider | EnvironmentProviders)[] {
  return [provideApi(), provideHttpClientTesting()];
}
