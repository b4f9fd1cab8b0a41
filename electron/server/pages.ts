import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { escapeHtml } from '../../shared/html-escape';

/*
 * The pages the newsroom server draws itself, before anyone is in the app: 로그인, the first 편집국장's
 * 설정, a temporary password's change and a reset link's new password. Plain forms that post to /auth/*,
 * so they work with no script at all; their own CSP allows exactly that (the app's forbids forms) and
 * the one style sheet below by its hash, no other.
 */
const STYLE = `:root{--ink:#1d2129;--muted:#6b7280;--line:#e2e5ea;--panel:#f6f7f9;--accent:#1f5fbf;--danger:#b91c1c;font-family:'Noto Sans CJK KR','Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',system-ui,sans-serif;color:var(--ink);word-break:keep-all;overflow-wrap:anywhere}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:var(--panel);padding:24px}
main{background:#fff;border:1px solid var(--line);border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.08);padding:28px 28px 20px;width:min(400px,100%)}
.brand{margin:0 0 4px;color:var(--accent);font-weight:700;font-size:.9rem;letter-spacing:.02em}
h1{margin:0 0 16px;font-size:1.3rem}
p{margin:0 0 12px;line-height:1.55}
.note{color:var(--muted);font-size:.92rem}
label{display:block;margin:0 0 12px;font-size:.92rem;color:var(--muted)}
input{display:block;width:100%;margin-top:4px;padding:8px 10px;border:1px solid var(--line);border-radius:6px;font:inherit;color:var(--ink)}
input:focus{outline:2px solid var(--accent);outline-offset:-1px;border-color:var(--accent)}
button{width:100%;margin-top:6px;padding:9px 12px;border:1px solid var(--accent);border-radius:6px;background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}
.alert{color:var(--danger);background:#fef2f2;border:1px solid #fecaca;border-radius:6px;padding:8px 10px}
.done{color:#166534;background:#f0fdf4;border:1px solid #bbf7d0;border-radius:6px;padding:8px 10px}`;

const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="ko"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} — 바이라인</title><style>${STYLE}</style><body><main><p class="brand">바이라인 Byline</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: under it a browser's form post says `Origin: null`, which the server must refuse.
    'Referrer-Policy': 'same-origin',
  });
  res.end(html);
}

const field = (label: string, name: string, type: string, extra = '') => `<label>${label}<input name="${name}" type="${type}" required ${extra}></label>`;
const alert = (message: string) => (message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : '');
const NEW_PASSWORD = field('새 비밀번호 (10자 이상)', 'next', 'password', 'autocomplete="new-password" minlength="10"');

/** `server`: the newsroom server a workstation signs in to, named so the person knows where the password goes. */
export function signInPage(res: ServerResponse, status = 200, message = '', done = '', server = ''): void {
  page(
    res,
    status,
    '로그인',
    `${server ? `<p class="note">뉴스룸 서버 <strong>${escapeHtml(server)}</strong>에 로그인합니다.</p>` : ''}${done ? `<p class="done" role="status">${escapeHtml(done)}</p>` : ''}${alert(message)}<form method="post" action="/auth/sign-in">${field('아이디', 'login', 'text', 'autocomplete="username" autocapitalize="off"')}${field('비밀번호', 'password', 'password', 'autocomplete="current-password"')}<button type="submit">로그인</button></form>`,
  );
}

export function setupPage(res: ServerResponse, token: string, status = 200, message = ''): void {
  page(
    res,
    status,
    '첫 설정',
    `<p class="note">이 뉴스룸의 첫 편집국장(관리자) 계정을 만듭니다. 이 링크는 한 번만 쓸 수 있습니다.</p>${alert(message)}<form method="post" action="/auth/setup"><input type="hidden" name="token" value="${escapeHtml(token)}">${field('이름', 'name', 'text', 'maxlength="50"')}${field('아이디', 'login', 'text', 'autocomplete="username" autocapitalize="off" maxlength="32"')}${field('비밀번호 (10자 이상)', 'password', 'password', 'autocomplete="new-password" minlength="10"')}<button type="submit">계정 만들기</button></form>`,
  );
}

export function passwordPage(res: ServerResponse, status = 200, message = ''): void {
  page(
    res,
    status,
    '비밀번호 바꾸기',
    `<p class="note">임시 비밀번호로 로그인했습니다. 쓰기 전에 새 비밀번호를 정하세요.</p>${alert(message)}<form method="post" action="/auth/password">${field('지금 비밀번호', 'current', 'password', 'autocomplete="current-password"')}${NEW_PASSWORD}<button type="submit">바꾸기</button></form>`,
  );
}

/** A 관리자's one-time reset link: the person chooses their own password; the link then works no more. */
export function resetPage(res: ServerResponse, token: string, status = 200, message = ''): void {
  page(
    res,
    status,
    '새 비밀번호 정하기',
    `<p class="note">관리자가 보낸 재설정 링크입니다. 한 번만 쓸 수 있습니다. 새 비밀번호를 정하면 다른 곳의 로그인은 모두 끝납니다.</p>${alert(message)}<form method="post" action="/auth/reset"><input type="hidden" name="token" value="${escapeHtml(token)}">${field('새 비밀번호 (10자 이상)', 'password', 'password', 'autocomplete="new-password" minlength="10"')}<button type="submit">비밀번호 정하기</button></form>`,
  );
}
