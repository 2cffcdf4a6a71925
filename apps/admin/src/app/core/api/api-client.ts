import { HttpClient, type HttpEvent, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { components, paths } from './schema';

/** The api's payloads by their OpenAPI names (`Schemas['GroupDto']`), generated from docs/api/openapi.json. */
export type Schemas = components['schemas'];

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that answer `M`, e.g. `PathsFor<'post'>` holds '/api/groups' but not '/api/groups/{id}'. */
export type PathsFor<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

/** The operation behind `M` on `P`. */
export type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends infer O
  ? O extends { responses: unknown }
    ? O
    : never
  : never;

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : unknown;

/**
 * The body of the operation's success answer (the first of 200, 201, 202, 204 it declares). `unknown` where
 * openapi.json declares no JSON body for it: the feature's API file then names the type it reads.
 */
export type Ok<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : 202 extends keyof R
          ? JsonOf<R[202]>
          : 204 extends keyof R
            ? void
            : unknown
    : never;

type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? { body: B }
  : O extends { requestBody: { content: { 'multipart/form-data': unknown } } }
    ? { body: FormData }
    : O extends { requestBody?: { content: { 'application/json': infer B } } }
      ? [B] extends [never]
        ? { body?: never }
        : { body?: B }
      : { body?: never };

type ParamsOf<O> = O extends { parameters: infer X } ? Omit<X, 'cookie'> : object;

/** What a call takes: `path` and `query` parameters, `header` (e.g. Idempotency-Key) and `body`, as declared. */
export type Init<P extends keyof paths, M extends Method> = ParamsOf<Operation<P, M>> &
  BodyOf<Operation<P, M>>;

/** The init may be left out when nothing in it is required (`api.GET('/api/handbook/me')`). */
type InitArg<P extends keyof paths, M extends Method> =
  object extends Init<P, M> ? [init?: Init<P, M>] : [init: Init<P, M>];

interface LooseInit {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  header?: Record<string, string>;
  body?: unknown;
}

/**
 * The admin's one way to call the api, typed from the generated `paths`: the path is written as the OpenAPI
 * document names it (`api.GET('/api/groups/{id}', { path: { id } })`), and what goes in and comes out is
 * checked against the api's own DTOs. Underneath it is Angular's HttpClient, so the CSRF header
 * (withXsrfConfiguration), the session-expiry interceptor, HttpErrorResponse with the problem+json body (read by
 * core/errors/problem-form.ts), download progress and HttpTestingController in unit tests all work as before.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  GET<P extends PathsFor<'get'>>(path: P, ...[init]: InitArg<P, 'get'>): Observable<Ok<P, 'get'>> {
    return this.send('GET', path, init);
  }
  POST<P extends PathsFor<'post'>>(path: P, ...[init]: InitArg<P, 'post'>): Observable<Ok<P, 'post'>> {
    return this.send('POST', path, init);
  }
  PUT<P extends PathsFor<'put'>>(path: P, ...[init]: InitArg<P, 'put'>): Observable<Ok<P, 'put'>> {
    return this.send('PUT', path, init);
  }
  PATCH<P extends PathsFor<'patch'>>(path: P, ...[init]: InitArg<P, 'patch'>): Observable<Ok<P, 'patch'>> {
    return this.send('PATCH', path, init);
  }
  DELETE<P extends PathsFor<'delete'>>(
    path: P,
    ...[init]: InitArg<P, 'delete'>
  ): Observable<Ok<P, 'delete'>> {
    return this.send('DELETE', path, init);
  }

  /** Files (PDF, XLSX, CSV …): the raw bytes as a Blob, with download-progress events along the way. */
  readonly files = {
    GET: <P extends PathsFor<'get'>>(path: P, ...[init]: InitArg<P, 'get'>): Observable<HttpEvent<Blob>> => {
      const { url, params, headers } = this.request(path, init);
      return this.http.request('GET', url, {
        params,
        headers,
        observe: 'events',
        reportProgress: true,
        responseType: 'blob',
      });
    },
  };

  private send<T>(method: string, path: string, init: object | undefined): Observable<T> {
    const { url, params, headers } = this.request(path, init);
    const body = (init as LooseInit | undefined)?.body;
    return this.http.request<T>(method, url, {
      params,
      headers,
      // Writes without a body of their own have always sent `{}`; the api's JSON parser sees what it always saw.
      body: body === undefined && method !== 'GET' && method !== 'DELETE' ? {} : body,
    });
  }

  private request(
    path: string,
    init: object | undefined,
  ): { url: string; params: HttpParams; headers: HttpHeaders } {
    const { path: values = {}, query = {}, header = {} } = (init ?? {}) as LooseInit;
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
      return encodeURIComponent(String(value));
    });
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      // Left-out filters (undefined or null) are not sent at all, rather than as "undefined".
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? (value as unknown[]) : [value])
        params = params.append(key, String(v));
    }
    return { url, params, headers: new HttpHeaders(header) };
  }
}

/**
 * Reads an answer as `T` where openapi.json documents it more loosely than the api sends it: a response DTO that
 * extends its request DTO lists the always-sent fields as optional, nested objects lack `required`, and some
 * answers have no schema at all (`unknown`). `T` (usually the @stegvis/contracts type the DTO implements) must
 * still be assignable to the documented type, so a renamed field or a changed type fails to compile here; an
 * undocumented answer is not checked at all, so its feature file says which fields it reads.
 */
export function narrow<T>() {
  return <S>(
    source: Observable<S> &
      ([T] extends [Documented<S>] ? unknown : { notAssignableToTheDocumentedAnswer: T }),
  ): Observable<T> => source as Observable<unknown> as Observable<T>;
}

/**
 * An object documented without properties (`{ type: 'object' }`) is generated as `Record<string, never>`, which
 * no real value matches; it says nothing about the fields, so it is read as `unknown`.
 */
export type Documented<S> = S extends readonly (infer E)[]
  ? Documented<E>[]
  : S extends object
    ? string extends keyof S
      ? [S[string]] extends [never]
        ? unknown
        : S
      : { [K in keyof S]: Documented<S[K]> }
    : S;
