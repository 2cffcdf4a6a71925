import type { HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionPlanStepRequest,
  ActionPlanStepResponse,
  AssessmentRequest,
  AssessmentResponse,
  CertificateSigner,
  NeedRequest,
  NeedResponse,
  TalkRequest,
  TalkResponse,
  UpdateActionPlanStepRequest,
} from '@stegvis/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, narrow } from '../../../core/api/api-client';

/** The work with one participant: mapping, talks, assessments, the action plan and the certificate. */
@Injectable({ providedIn: 'root' })
export class WorkApi {
  private readonly api = inject(ApiClient);

  /** Health data: a 404 for anyone outside those who see her (docs/security.md). */
  addNeed(participantId: string, body: NeedRequest): Observable<NeedResponse> {
    return this.api
      .POST('/api/participants/{id}/needs', { path: { id: participantId }, body })
      .pipe(narrow<NeedResponse>());
  }
  addTalk(participantId: string, body: TalkRequest): Observable<TalkResponse> {
    return this.api.POST('/api/participants/{id}/talks', { path: { id: participantId }, body });
  }
  /** Replaces an earlier assessment of the same stage. */
  saveAssessment(participantId: string, body: AssessmentRequest): Observable<AssessmentResponse> {
    return this.api
      .PUT('/api/participants/{id}/assessments', { path: { id: participantId }, body })
      .pipe(narrow<AssessmentResponse>());
  }
  steps(enrolmentId: string): Observable<ActionPlanStepResponse[]> {
    return this.api
      .GET('/api/enrolments/{id}/action-plan/steps', { path: { id: enrolmentId } })
      .pipe(narrow<ActionPlanStepResponse[]>());
  }
  addStep(enrolmentId: string, body: ActionPlanStepRequest): Observable<ActionPlanStepResponse> {
    return this.api
      .POST('/api/enrolments/{id}/action-plan/steps', { path: { id: enrolmentId }, body })
      .pipe(narrow<ActionPlanStepResponse>());
  }
  /** Send the version read; a stale one is a 409. */
  updateStep(stepId: string, body: UpdateActionPlanStepRequest): Observable<ActionPlanStepResponse> {
    return this.api
      .PATCH('/api/action-plan-steps/{id}', { path: { id: stepId }, body })
      .pipe(narrow<ActionPlanStepResponse>());
  }
  actionPlanPdf(enrolmentId: string): Observable<HttpEvent<Blob>> {
    return this.api.files.GET('/api/enrolments/{id}/action-plan.pdf', { path: { id: enrolmentId } });
  }
  signers(enrolmentId: string): Observable<CertificateSigner[]> {
    return this.api
      .GET('/api/enrolments/{id}/certificate/signers', { path: { id: enrolmentId } })
      .pipe(narrow<CertificateSigner[]>());
  }
  certificatePdf(enrolmentId: string, signerId: string): Observable<HttpEvent<Blob>> {
    return this.api.files.GET('/api/enrolments/{id}/certificate.pdf', {
      path: { id: enrolmentId },
      query: { signerId },
    });
  }
}
