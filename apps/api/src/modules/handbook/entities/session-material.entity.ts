import { Column, JoinColumn, ManyToOne, type Relation, Entity, PrimaryColumn } from 'typeorm';
import { GroupSession } from '../../groups/entities/session.entity';
import { HandbookEntry } from './handbook-entry.entity';

/** The handbook alternative a presenter chose for a session; a substitute opening the session sees it at once. */
@Entity('session_material')
export class SessionMaterial {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => GroupSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<GroupSession>;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => HandbookEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Relation<HandbookEntry>;

  @Column({ type: 'uuid' })
  chosenBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  chosenAt: Date;
}
