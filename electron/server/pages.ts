import type { ServerResponse } from 'node:http';
import { escapeHtml } from '../../shared/html-escape';

/*
 * The two pages the newsroom server draws itself, before anyone is signed in: 로그인 and the first
 * 편집국장's 설정. Plain forms that post to /auth/*, so they work with no script at all; their own CSP
 * allows exactly that (the app's forbids forms).
 */
const PAGE_CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="ko"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} — 바이라인</title><body><main><h1>바이라인 ${escapeHtml(title)}</h1>${body}</main></body></html>`;
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

const field = (label: string, name: string, type: string, extra = '') =>
  `<p><label>${label}<br><input name="${name}" type="${type}" required ${extra}></label></p>`;

export function signInPage(res: ServerResponse, status = 200, message = ''): void {
  page(
    res,
    status,
    '로그인',
    `${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}<form method="post" action="/auth/sign-in">${field('아이디', 'login', 'text', 'autocomplete="username" autocapitalize="off"')}${field('비밀번호', 'password', 'password', 'autocomplete="current-password"')}<p><button type="submit">로그인</button></p></form>`,
  );
}

export function setupPage(res: ServerResponse, token: string, status = 200, message = ''): void {
  page(
    res,
    status,
    '첫 설정',
    `<p>이 뉴스룸의 첫 편집국장(관리자) 계정을 만듭니다. 이 링크는 한 번만 쓸 수 있습니다.</p>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}<form method="post" action="/auth/setup"><input type="hidden" name="token" value="${escapeHtml(token)}">${field('이름', 'name', 'text', 'maxlength="50"')}${field('아이디', 'login', 'text', 'autocomplete="username" autocapitalize="off" maxlength="32"')}${field('비밀번호 (10자 이상)', 'password', 'password', 'autocomplete="new-password" minlength="10"')}<p><button type="submit">계정 만들기</button></p></form>`,
  );
}

export function passwordPage(res: ServerResponse, status = 200, message = ''): void {
  page(
    res,
    status,
    '비밀번호 바꾸기',
    `<p>임시 비밀번호로 로그인했습니다. 쓰기 전에 새 비밀번호를 정하세요.</p>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}<form method="post" action="/auth/password">${field('지금 비밀번호', 'current', 'password', 'autocomplete="current-password"')}${field('새 비밀번호 (10자 이상)', 'next', 'password', 'autocomplete="new-password" minlength="10"')}<p><button type="submit">바꾸기</button></p></form>`,
  );
}
