import { Global, Module } from '@nestjs/common';
import { DisclosureService } from './disclosure.service';

/** What aggregate-only readers see of a programme's figures: one service for every endpoint that gives counts. */
@Global()
@Module({ providers: [DisclosureService], exports: [DisclosureService] })
export class DisclosureModule {}
