import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { HandbookEntryResponse, HandbookSearchHit, HandbookVersionResponse } from '@stegvis/contracts';
import { firstValueFrom } from 'rxjs';
import { asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { StockholmTimePipe, stockholmDate } from '../../core/time/stockholm-time';
import { AuthStore } from '../../core/auth/auth-store';
import { EntryEditor } from './entry-editor';
import { HandbookEditors } from './handbook-editors';
import { EntryView } from './entry-view';
import { HandbookApi, type HandbookMe } from './handbook-api';

interface Week {
  label: string;
  entries: HandbookEntryResponse[];
}
interface ModuleGroup {
  module: string;
  weeks: Week[];
}

/** The method handbook: browse by module and week, search, read, and (with the editor right) write and restore. */
@Component({
  selector: 'sv-handbook-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatIconModule,
    EntryView,
    EntryEditor,
    HandbookEditors,
    StockholmTimePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ i18n.t('hb.title.page') }}</h1>
        <div class="tools">
          <a mat-button href="/api/handbook/export.pdf" download data-testid="export-pdf"
            ><mat-icon>picture_as_pdf</mat-icon> PDF</a
          >
          <a mat-button href="/api/handbook/export.docx" download><mat-icon>description</mat-icon> Word</a>
          @if (me()?.editor) {
            <button mat-flat-button type="button" (click)="startNew()" data-testid="new-entry">
              <mat-icon>add</mat-icon> {{ i18n.t('hb.new') }}
            </button>
          }
        </div>
      </header>
      <form class="search" (ngSubmit)="search()" role="search">
        <label for="hb-q" class="visually-hidden">{{ i18n.t('hb.search') }}</label>
        <input
          id="hb-q"
          name="q"
          [(ngModel)]="q"
          [placeholder]="i18n.t('hb.searchHint')"
          data-testid="handbook-search"
        />
        <button mat-stroked-button type="submit">{{ i18n.t('hb.search') }}</button>
        @if (hits()) {
          <button mat-button type="button" (click)="hits.set(null); q = ''">{{ i18n.t('hb.clear') }}</button>
        }
      </form>
      <div class="columns">
        <nav class="tree" [attr.aria-label]="i18n.t('hb.browse')">
          @if (hits(); as hs) {
            <h2 data-testid="hit-count">
              {{ hs.length }} {{ hs.length === 1 ? i18n.t('hb.hit') : i18n.t('hb.hits') }}
            </h2>
            @for (h of hs; track h.id) {
              <button type="button" class="item hit" (click)="open(h.id)" data-testid="search-hit">
                <strong>{{ h.title }}</strong><span class="excerpt" [innerHTML]="mark(h.excerpt)"></span>
              </button>
            }
          } @else {
            @if (staleCount()) {
              <p class="stale-note">
                <button type="button" class="link" (click)="showStale()" data-testid="stale-link">
                  {{ staleCount() }} {{ i18n.t('hb.needReview') }}
                </button>
              </p>
            }
            @for (m of tree(); track m.module) {
              <h2>{{ moduleLabel(m.module) }}</h2>
              @for (w of m.weeks; track w.label) {
                <h3>{{ w.label }}</h3>
                @for (e of w.entries; track e.id) {
                  <button
                    type="button"
                    class="item"
                    [class.active]="selected()?.id === e.id"
                    (click)="open(e.id)"
                    [attr.data-testid]="'open-entry'"
                  >
                    {{ e.title }}
                    @if (e.alternative) {
                      <span class="muted">· {{ e.alternative }}</span>
                    }
                    @if (e.stale) {
                      <span class="stale-dot" [title]="i18n.t('hb.stale')">●</span>
                    }
                  </button>
                }
              }
            } @empty {
              <p class="muted">{{ i18n.t('hb.empty') }}</p>
            }
          }
        </nav>
        <div class="reader">
          @if (editing()) {
            <sv-entry-editor [entry]="selected()" (closed)="editorClosed($event)" />
          } @else if (selected(); as e) {
            <sv-entry-view [entry]="e" />
            @if (e.warnings.length) {
              @for (w of e.warnings; track w.field) {
                <p class="warn-banner" role="status">{{ i18n.problem(w.code, w.params, w.message) }}</p>
              }
            }
            <div class="actions">
              @if (me()?.editor) {
                <button mat-flat-button type="button" (click)="editing.set(true)" data-testid="edit-entry">
                  {{ i18n.t('hb.edit') }}
                </button>
                <button mat-stroked-button type="button" (click)="review(e.id)" data-testid="review-entry">
                  {{ i18n.t('hb.markReviewed') }}
                </button>
              }
              <button mat-button type="button" (click)="loadHistory(e.id)" data-testid="history">
                {{ i18n.t('hb.history') }}
              </button>
            </div>
            @if (message()) {
              <p class="info-banner" role="status">{{ message() }}</p>
            }
            @if (history(); as hs) {
              <table class="data" data-testid="history-table">
                <thead>
                  <tr>
                    <th scope="col">{{ i18n.t('hb.version') }}</th>
                    <th scope="col">{{ i18n.t('hb.title') }}</th>
                    <th scope="col">{{ i18n.t('hb.changedBy') }}</th>
                    <th scope="col">{{ i18n.t('hb.when') }}</th>
                    <th scope="col"></th>
                  </tr>
                </thead>
                <tbody>
                  @for (v of hs; track v.version) {
                    <tr>
                      <td>{{ v.version }}</td>
                      <td>{{ v.title }}</td>
                      <td>{{ v.changedBy }}</td>
                      <td class="nowrap">{{ v.changedAt | stockholmTime }}</td>
                      <td>
                        @if (me()?.editor && v.version !== e.version) {
                          <button
                            mat-button
                            type="button"
                            (click)="restore(e.id, v.version)"
                            [attr.data-testid]="'restore-' + v.version"
                          >
                            {{ i18n.t('hb.restore') }}
                          </button>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            }
          } @else {
            <p class="muted intro">{{ i18n.t('hb.intro') }}</p>
          }
        </div>
      </div>
      @if (canAppointEditors) {
        <sv-handbook-editors />
      }
    </section>
  `,
  styles: `
    .page-header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
    }
    .tools {
      display: flex;
      gap: 4px;
      align-items: center;
    }
    .search {
      display: flex;
      gap: 8px;
      margin-bottom: 16px;
    }
    .search input {
      flex: 1;
      max-width: 520px;
      font: inherit;
      padding: 10px 12px;
      border: 1px solid #8a8f98;
      border-radius: 4px;
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(240px, 320px) 1fr;
      gap: 24px;
      align-items: start;
    }
    .tree {
      background: white;
      border-radius: 8px;
      padding: 8px 12px 16px;
      max-height: calc(100vh - 220px);
      overflow: auto;
    }
    .tree h2 {
      font-size: 1rem;
      margin: 14px 0 4px;
    }
    .tree h3 {
      font-size: 0.85rem;
      color: #555;
      margin: 8px 0 2px;
      font-weight: 500;
    }
    .item {
      display: block;
      width: 100%;
      text-align: left;
      font: inherit;
      background: none;
      border: 0;
      border-radius: 4px;
      padding: 8px;
      cursor: pointer;
      min-height: 40px;
    }
    .item:hover {
      background: #eef2f7;
    }
    .item.active {
      background: #dde7f5;
      font-weight: 500;
    }
    .hit .excerpt {
      display: block;
      font-size: 0.85rem;
      color: #444;
    }
    .reader {
      background: white;
      border-radius: 8px;
      padding: 16px 20px;
      min-height: 300px;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin: 12px 0;
      flex-wrap: wrap;
    }
    .stale-dot {
      color: #b7791f;
    }
    .stale-note {
      margin: 4px 0 0;
    }
    .link {
      background: none;
      border: 0;
      color: #8c1d18;
      font: inherit;
      cursor: pointer;
      text-decoration: underline;
      padding: 6px 0;
    }
    .warn-banner {
      background: #fff4ce;
      border-left: 4px solid #b7791f;
      padding: 8px 12px;
    }
    .intro {
      max-width: 60ch;
      line-height: 1.5;
    }
    .nowrap {
      white-space: nowrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    @media (max-width: 900px) {
      .columns {
        grid-template-columns: 1fr;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandbookPage implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(HandbookApi);
  /** Appointing editors is the admin's (user.manage), as the api decides. */
  protected readonly canAppointEditors = inject(AuthStore).can('user.manage');
  protected readonly me = signal<HandbookMe | null>(null);
  protected readonly entries = signal<HandbookEntryResponse[]>([]);
  protected readonly selected = signal<HandbookEntryResponse | null>(null);
  protected readonly editing = signal(false);
  protected readonly hits = signal<HandbookSearchHit[] | null>(null);
  protected readonly history = signal<HandbookVersionResponse[] | null>(null);
  protected readonly message = signal('');
  protected q = '';
  protected readonly staleCount = computed(() => this.entries().filter((e) => e.stale).length);
  protected readonly tree = computed<ModuleGroup[]>(() => {
    const groups: ModuleGroup[] = [];
    for (const e of this.entries()) {
      let m = groups.find((g) => g.module === e.module);
      if (!m) groups.push((m = { module: e.module, weeks: [] }));
      const label = e.week === null ? this.i18n.t('hb.anyWeek') : `${this.i18n.t('hb.week')} ${e.week}`;
      let w = m.weeks.find((x) => x.label === label);
      if (!w) m.weeks.push((w = { label, entries: [] }));
      w.entries.push(e);
    }
    return groups;
  });

  async ngOnInit(): Promise<void> {
    const [me, entries] = await Promise.all([firstValueFrom(this.api.me()), firstValueFrom(this.api.list())]);
    this.me.set(me);
    this.entries.set(entries);
  }

  protected moduleLabel(m: string): string {
    return this.labels.stored('handbookModule', m);
  }

  /** Search hits come from the server with « » around matches; shown as <mark>, everything else as text. */
  protected mark(excerpt: string): string {
    const esc = excerpt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return esc.replace(/«/g, '<mark>').replace(/»/g, '</mark>');
  }

  protected async search(): Promise<void> {
    if (!this.q.trim()) return;
    this.hits.set(await firstValueFrom(this.api.search(this.q.trim())));
  }

  protected async showStale(): Promise<void> {
    const stale = await firstValueFrom(this.api.stale());
    this.hits.set(
      stale.map((e) => ({
        id: e.id,
        title: e.title,
        module: e.module,
        week: e.week,
        theme: e.theme,
        alternative: e.alternative,
        excerpt: `${this.i18n.t('hb.lastReviewed')}: ${e.reviewedAt ? stockholmDate(e.reviewedAt) : this.i18n.t('hb.never')}`,
      })),
    );
  }

  protected async open(id: string): Promise<void> {
    this.editing.set(false);
    this.history.set(null);
    this.message.set('');
    this.selected.set(await firstValueFrom(this.api.get(id)));
  }

  protected startNew(): void {
    this.selected.set(null);
    this.history.set(null);
    this.editing.set(true);
  }

  protected async editorClosed(saved: HandbookEntryResponse | null): Promise<void> {
    this.editing.set(false);
    if (!saved) return;
    this.entries.set(await firstValueFrom(this.api.list()));
    this.selected.set(saved);
    this.message.set(this.i18n.t('hb.saved'));
  }

  protected async loadHistory(id: string): Promise<void> {
    this.history.set(await firstValueFrom(this.api.versions(id)));
  }

  protected async restore(id: string, version: number): Promise<void> {
    try {
      const e = await firstValueFrom(this.api.restore(id, version));
      this.selected.set(e);
      this.entries.set(await firstValueFrom(this.api.list()));
      this.history.set(await firstValueFrom(this.api.versions(id)));
      this.message.set(`${this.i18n.t('hb.restored')} ${version}.`);
    } catch (err) {
      this.message.set(asProblem(err, this.i18n.lang())?.detail ?? this.i18n.t('hb.saveFailed'));
    }
  }

  protected async review(id: string): Promise<void> {
    this.selected.set(await firstValueFrom(this.api.review(id)));
    this.entries.set(await firstValueFrom(this.api.list()));
    this.message.set(this.i18n.t('hb.reviewedNow'));
  }
}
