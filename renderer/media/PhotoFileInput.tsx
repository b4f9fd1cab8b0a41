import type { Ref } from 'react';
import { ACCEPT_ATTRIBUTE } from './import-files';

/**
 * The system's file dialog for photos (Electron shows its native one): hidden, opened by a button's
 * `ref.current.click()`. Cleared after each pick so that choosing the same file again still counts.
 */
export function PhotoFileInput({
  ref,
  multiple = false,
  testId,
  onFiles,
}: {
  ref: Ref<HTMLInputElement>;
  multiple?: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept={ACCEPT_ATTRIBUTE}
      multiple={multiple}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        onFiles(files);
      }}
    />
  );
}
