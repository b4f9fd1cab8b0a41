import { createContext, useContext } from 'react';
import type { Profile } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import type { WorkflowState } from './useWorkflow';

export interface WorkflowContextValue {
  workflow: WorkflowState;
  actor: Profile | null;
  openReview: () => void;
  openProfilePicker: () => void;
  /** For what the bar asks besides the workflow (the near-duplicate finding), and opening a story it names. */
  client: BylineClient;
  openArticle: (id: string) => void;
  /** 사본 만들기: a new draft of the caller's from the open story, opened in the editor. */
  copy: () => void;
}

/**
 * The open story's workflow, for the bar on the story screen: provided by App, so that the story screen
 * (owned by the editor's code) mounts the bar with one line and passes nothing through.
 */
export const WorkflowContext = createContext<WorkflowContextValue | null>(null);

export function useWorkflowContext(): WorkflowContextValue | null {
  return useContext(WorkflowContext);
}
