/**
 * The spelling worker's check page (spelling-check.html): proves on a given machine, in web mode or
 * the desktop app, that the worker starts, the dictionary loads under the app's CSP and a sentence is
 * checked. The e2e test drives it; a desk can open it when underlines do not appear.
 */
import { createSpellChecker } from './spell-worker-client';

const checker = createSpellChecker();
const text = document.getElementById('spelling-text') as HTMLTextAreaElement;
const status = document.getElementById('spelling-status')!;
const list = document.getElementById('spelling-findings')!;

async function run(): Promise<void> {
  status.textContent = '검사 중…';
  try {
    const findings = await checker.check(text.value);
    list.replaceChildren(
      ...findings.map((finding) => {
        const item = document.createElement('li');
        item.dataset.word = finding.word;
        item.dataset.suggestions = finding.suggestions.join(' ');
        item.textContent = finding.suggestions.length > 0 ? `${finding.word} → ${finding.suggestions.join(', ')}` : finding.word;
        return item;
      }),
    );
    status.textContent = findings.length === 0 ? '틀린 낱말이 없습니다.' : `틀린 낱말 ${findings.length}개`;
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}

document.getElementById('spelling-run')!.addEventListener('click', () => void run());
// An empty check answers once the dictionary is loaded: the page says when it is ready.
void checker.check('').then(
  () => (status.textContent = '준비되었습니다.'),
  (error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)),
);
