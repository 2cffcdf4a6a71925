import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { HandbookBlob } from './entities/handbook-blob.entity';
import { HandbookEditor } from './entities/handbook-editor.entity';
import { HandbookEntryVersion } from './entities/handbook-entry-version.entity';
import { HandbookEntry } from './entities/handbook-entry.entity';
import { HandbookFile } from './entities/handbook-file.entity';
import { SessionMaterial } from './entities/session-material.entity';
import { HandbookController } from './handbook.controller';
import { HandbookFilesService } from './handbook-files.service';
import { HandbookService } from './handbook.service';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import { PostgresFileStorage } from './storage/postgres-file-storage';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      HandbookEntry,
      HandbookEntryVersion,
      HandbookFile,
      HandbookBlob,
      HandbookEditor,
      SessionMaterial,
    ]),
    GroupsModule,
    UsersModule,
  ],
  controllers: [HandbookController],
  providers: [
    HandbookService,
    HandbookFilesService,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG, getDataSourceToken()],
      // The AWS SDK costs ~28 MB of memory: loaded only by installations that chose S3.
      useFactory: (config: AppConfig, dataSource: DataSource): FileStorage => {
        if (config.handbook.storage !== 's3' || !config.handbook.s3)
          return new PostgresFileStorage(dataSource);
        // A plain require: the api is CommonJS, and Jest resolves it like the rest of the source.
        const { S3FileStorage } =
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where S3 is chosen (above)
          require('./storage/s3-file-storage') as typeof import('./storage/s3-file-storage');
        return new S3FileStorage(config.handbook.s3);
      },
    },
  ],
})
export class HandbookModule {}
