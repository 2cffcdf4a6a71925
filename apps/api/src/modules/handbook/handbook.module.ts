import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { HandbookEditor } from './entities/handbook-editor.entity';
import { HandbookEntryVersion } from './entities/handbook-entry-version.entity';
import { HandbookEntry } from './entities/handbook-entry.entity';
import { HandbookFile } from './entities/handbook-file.entity';
import { SessionMaterial } from './entities/session-material.entity';
import { HandbookController } from './handbook.controller';
import { HandbookFilesService } from './handbook-files.service';
import { HandbookService } from './handbook.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      HandbookEntry,
      HandbookEntryVersion,
      HandbookFile,
      HandbookEditor,
      SessionMaterial,
    ]),
    FilesModule,
    GroupsModule,
    UsersModule,
  ],
  controllers: [HandbookController],
  providers: [HandbookService, HandbookFilesService],
})
export class HandbookModule {}
