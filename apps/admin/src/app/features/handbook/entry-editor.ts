import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  HANDBOOK_MODULES,
  type HandbookEntryRequest,
  type HandbookModule,
  type HandbookEntryResponse,
  type HandbookFileResponse,
  type HandbookWarning,
} from '@stegvis/contracts';
import { debounceTime, firstValueFrom, switchMap } from 'rxjs';
import { applyProblemToForm, asProblem } from '../../core/errors/problem-form';
import { I18n } from '../../core/i18n/i18n';
import { Labels } from '../../core/i18n/labels';
import { fileSize, HandbookApi } from './handbook-api';

/**
 * Writing an entry: Markdown on the left, the preview as participants' teachers will see it on the right. A failed
 * save keeps everything typed and puts the server's message at its field.
 */
@Component({
  selector: 'sv-entry-editor',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="editor" data-testid="entry-editor">
      @if (banner()) {
        <p class="error-banner" role="alert" data-testid="editor-error">{{ banner() }}</p>
      }
      <div class="grid">
        <mat-form-field appearance="outline" class="wide"
          ><mat-label>{{ i18n.t('hb.title') }}</mat-label
          ><input matInput formControlName="title" data-testid="editor-title" />
          @if (form.controls.title.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('hb.module') }}</mat-label>
          <mat-select formControlName="module" data-testid="editor-module">
            @for (m of modules; track m) {
              <mat-option [value]="m">{{ moduleLabel(m) }}</mat-option>
            }
          </mat-select></mat-form-field
        >
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('hb.week') }}</mat-label
          ><input matInput type="number" min="1" max="52" formControlName="week" data-testid="editor-week" />
          @if (form.controls.week.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('hb.theme') }}</mat-label
          ><input matInput formControlName="theme" data-testid="editor-theme" />
          @if (form.controls.theme.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline"
          ><mat-label>{{ i18n.t('hb.alternative') }}</mat-label
          ><input
            matInput
            formControlName="alternative"
            [placeholder]="i18n.t('hb.alternativeHint')"
            data-testid="editor-alternative"
          />
          @if (form.controls.alternative.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide"
          ><mat-label>{{ i18n.t('hb.whenToUse') }}</mat-label
          ><input matInput formControlName="whenToUse" data-testid="editor-when" />
          @if (form.controls.whenToUse.getError('server'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
      </div>
      <div class="split">
        <label class="md"
          >{{ i18n.t('hb.body') }} <span class="muted">{{ i18n.t('hb.markdownHint') }}</span>
          <textarea
            formControlName="body"
            rows="14"
            data-testid="editor-body"
            [attr.aria-invalid]="form.controls.body.hasError('server')"
            [attr.aria-describedby]="form.controls.body.hasError('server') ? 'editor-body-error' : null"
          ></textarea>
          @if (form.controls.body.getError('server'); as e) {
            <span class="field-error" id="editor-body-error" data-testid="editor-body-error">{{ e }}</span>
          }
        </label>
        <div class="preview" aria-live="polite">
          <p class="muted">{{ i18n.t('hb.preview') }}</p>
          <div [innerHTML]="previewHtml()" data-testid="editor-preview"></div>
        </div>
      </div>
      @for (w of warnings(); track w.field) {
        <p class="warn-banner" role="status" data-testid="editor-warning">
          {{ i18n.problem(w.code, w.params, w.message) }}
        </p>
      }
      <fieldset formArrayName="links">
        <legend>{{ i18n.t('hb.links') }}</legend>
        @for (l of links.controls; track $index; let i = $index) {
          <div class="link" [formGroupName]="i">
            <mat-form-field appearance="outline"
              ><mat-label>{{ i18n.t('hb.linkTitle') }}</mat-label
              ><input matInput formControlName="title" />
              @if (l.get('title')?.getError('server'); as e) {
                <mat-error>{{ e }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" class="wide"
              ><mat-label>URL</mat-label><input matInput formControlName="url" />
              @if (l.get('url')?.getError('server'); as e) {
                <mat-error>{{ e }}</mat-error>
              }
            </mat-form-field>
            <button mat-button type="button" (click)="links.removeAt(i)">{{ i18n.t('hb.remove') }}</button>
          </div>
        }
        <button mat-button type="button" (click)="addLink()">+ {{ i18n.t('hb.addLink') }}</button>
      </fieldset>
      @if (entry(); as e) {
        <fieldset>
          <legend>{{ i18n.t('hb.files') }}</legend>
          <ul>
            @for (f of files(); track f.id) {
              <li>
                {{ f.fileName }} <span class="muted">({{ size(f.size) }})</span>
                <button mat-button type="button" (click)="removeFile(f)">{{ i18n.t('hb.remove') }}</button>
              </li>
            }
          </ul>
          <label class="upload"
            >{{ i18n.t('hb.upload') }} <input type="file" (change)="upload($event)" data-testid="editor-file"
          /></label>
          <p class="muted">{{ i18n.t('hb.fileRule') }}</p>
          @if (fileError()) {
            <p class="error-banner" role="alert" data-testid="file-error">{{ fileError() }}</p>
          }
        </fieldset>
      } @else {
        <p class="muted">{{ i18n.t('hb.filesAfterSave') }}</p>
      }
      <div class="actions">
        <button mat-flat-button type="submit" data-testid="editor-save">{{ i18n.t('hb.save') }}</button>
        <button mat-button type="button" (click)="closed.emit(null)">{{ i18n.t('hb.cancel') }}</button>
      </div>
    </form>
  `,
  styles: `
    .editor {
      background: white;
      padding: 16px;
      border-radius: 8px;
      display: grid;
      gap: 8px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 0 12px;
    }
    .wide {
      grid-column: span 2;
    }
    .split {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    .md {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    textarea {
      font:
        0.95rem/1.45 ui-monospace,
        monospace;
      padding: 8px;
      border: 1px solid #8a8f98;
      border-radius: 4px;
    }
    .preview {
      border: 1px dashed #b6bcc6;
      border-radius: 4px;
      padding: 0 12px;
      overflow: auto;
      max-height: 360px;
      line-height: 1.5;
    }
    fieldset {
      border: 1px solid #d7dbe0;
      border-radius: 6px;
    }
    .link {
      display: flex;
      gap: 8px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .field-error {
      color: #b3261e;
      font-size: 0.85rem;
    }
    textarea[aria-invalid='true'] {
      border: 2px solid #b3261e;
    }
    .warn-banner {
      background: #fff4ce;
      border-left: 4px solid #b7791f;
      padding: 8px 12px;
      margin: 0;
    }
    .upload {
      display: inline-flex;
      gap: 8px;
      align-items: center;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    @media (max-width: 800px) {
      .split {
        grid-template-columns: 1fr;
      }
      .wide {
        grid-column: auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryEditor implements OnInit {
  readonly entry = input<HandbookEntryResponse | null>(null);
  /** The saved entry, or null when the editor was closed without saving. */
  readonly closed = output<HandbookEntryResponse | null>();
  protected readonly i18n = inject(I18n);
  private readonly labels = inject(Labels);
  private readonly api = inject(HandbookApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly modules = HANDBOOK_MODULES;
  protected readonly size = fileSize;
  protected readonly banner = signal('');
  protected readonly fileError = signal('');
  protected readonly previewHtml = signal('');
  protected readonly warnings = signal<HandbookWarning[]>([]);
  protected readonly files = signal<HandbookFileResponse[]>([]);
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    module: this.fb.control<HandbookModule>('lectures', Validators.required),
    week: this.fb.control<number | null>(null),
    theme: [''],
    alternative: [''],
    whenToUse: [''],
    body: [''],
    links: this.fb.array<ReturnType<EntryEditor['linkGroup']>>([]),
  });
  protected get links(): FormArray<ReturnType<EntryEditor['linkGroup']>> {
    return this.form.controls.links;
  }

  ngOnInit(): void {
    const e = this.entry();
    if (e) {
      this.form.patchValue({
        title: e.title,
        module: e.module,
        week: e.week,
        theme: e.theme,
        alternative: e.alternative,
        whenToUse: e.whenToUse,
        body: e.body,
      });
      for (const l of e.links) this.links.push(this.linkGroup(l.title, l.url));
      this.files.set(e.files);
    }
    // One rendering rule, the server's: the preview is what saving will store.
    this.form.controls.body.valueChanges
      .pipe(
        debounceTime(250),
        switchMap((body) => this.api.preview(body)),
      )
      .subscribe((p) => {
        this.previewHtml.set(p.html);
        this.warnings.set(p.warnings);
      });
    this.form.controls.body.setValue(this.form.controls.body.value);
  }

  protected moduleLabel(m: string): string {
    return this.labels.stored('handbookModule', m);
  }

  protected addLink(): void {
    this.links.push(this.linkGroup('', 'https://'));
  }

  private linkGroup(title: string, url: string) {
    return this.fb.group({ title: [title], url: [url] });
  }

  protected async save(): Promise<void> {
    this.banner.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.banner.set(this.i18n.t('hb.titleRequired'));
      return;
    }
    const v = this.form.getRawValue();
    const body: HandbookEntryRequest = {
      ...v,
      week: v.week === null || String(v.week) === '' ? null : Number(v.week),
      templateId: this.entry()?.templateId ?? null,
      links: v.links.filter((l) => l.title.trim() || l.url.trim() !== 'https://'),
    };
    const e = this.entry();
    try {
      const saved = await firstValueFrom(
        e ? this.api.update(e.id, { ...body, version: e.version }) : this.api.create(body),
      );
      this.closed.emit(saved);
    } catch (err) {
      const problem = asProblem(err, this.i18n.lang());
      // The fields keep what was typed; each error stands at its field, the banner only points to them.
      const rest = applyProblemToForm(this.form, problem, this.i18n.lang());
      this.form.markAllAsTouched();
      this.banner.set(
        problem?.status === 409
          ? (problem.detail ?? '')
          : rest.map((r) => `${r.field}: ${r.message}`).join('; ') ||
              (problem?.errors?.length ? this.i18n.t('hbx.fixFields') : problem?.detail) ||
              this.i18n.t('hb.saveFailed'),
      );
    }
  }

  protected async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const e = this.entry();
    if (!file || !e) return;
    this.fileError.set('');
    try {
      const saved = await firstValueFrom(this.api.upload(e.id, file));
      this.files.update((f) => [...f, saved]);
    } catch (err) {
      const p = asProblem(err, this.i18n.lang());
      this.fileError.set(
        p?.status === 413
          ? this.i18n.t('hb.fileTooLarge')
          : p?.status === 415
            ? this.i18n.t('hb.fileWrongType')
            : (p?.detail ?? this.i18n.t('hb.saveFailed')),
      );
    } finally {
      input.value = '';
    }
  }

  protected async removeFile(f: HandbookFileResponse): Promise<void> {
    await firstValueFrom(this.api.removeFile(f.id));
    this.files.update((all) => all.filter((x) => x.id !== f.id));
  }
}
