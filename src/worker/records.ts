/**
 * The workspace's record files as the worker's analyses read them: the customer master data in use (the newest
 * customer file of the workspace) and every spend file. Read from storage once and held until a record file of the
 * workspace is imported or deleted.
 *
 * CONTRACT (issue #13): implemented by the import-sources work; the economics handler and the session use it.
 */
import type { RecordColumns, RecordFileInfo } from '../shared/economics';

export interface RecordFile {
  info: RecordFileInfo;
  data: RecordColumns;
}

/** The master data in use in a workspace (its newest customer file), or null. */
export async function masterOf(workspaceId: number): Promise<RecordFile | null> {
  void workspaceId;
  throw new Error('not implemented yet');
}

/** Every spend file of a workspace, oldest first. */
export async function spendOf(workspaceId: number): Promise<RecordFile[]> {
  void workspaceId;
  throw new Error('not implemented yet');
}
