import { Injectable } from '@nestjs/common';
import { getQuestionnaire, listQuestionnaires } from '@stegvis/questionnaires';

export interface CatalogEntry {
  id: string;
  version: number;
  /** SurveyJS JSON with every language's strings. */
  json: object;
  /** Locale codes the questionnaire is translated into. */
  languages: string[];
}

/** The versioned questionnaires of packages/questionnaires, as the api serves and validates them. */
@Injectable()
export class QuestionnaireCatalog {
  get(id: string, version?: number): CatalogEntry | null {
    const q = getQuestionnaire(id, version);
    return q ? { id: q.id, version: q.version, json: q.json, languages: [...q.languages] } : null;
  }

  list(): { id: string; version: number; title: string }[] {
    return listQuestionnaires().map((q) => ({ id: q.id, version: q.version, title: q.title }));
  }
}
