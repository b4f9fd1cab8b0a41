/** Settings > Storage > Join a newsroom server (renderer/views/settings/NewsroomConnect.tsx), in English. */
export const enNewsroom = {
  newsroom_title: 'Join a newsroom server',
  newsroom_intro:
    'Joined to a newsroom server, stories and photos live on the server; this computer keeps no database or publishing passwords. At the next start the server asks you to sign in.',
  newsroom_running: 'Joined to the newsroom server {origin}.',
  newsroom_saved: 'At the next start Byline joins the newsroom server {origin}.',
  newsroom_savedLeave: "At the next start Byline opens this computer's own storage. The stories on the server stay there.",
  newsroom_origin: 'Server address',
  newsroom_originHint: 'The https:// address your administrator gave you (e.g. https://byline.newsroom.kr:8443)',
  newsroom_inspect: 'Check certificate',
  newsroom_inspecting: 'Reaching the server…',
  newsroom_trusted: 'A public authority vouches for this certificate. You can join.',
  newsroom_untrusted:
    "No public authority vouches for this server's certificate (the newsroom's own). Check that the fingerprint below is exactly the one your administrator gave you.",
  newsroom_fingerprint: 'Certificate fingerprint (SHA-256)',
  newsroom_subject: 'Issued to',
  newsroom_validTo: 'Expires',
  newsroom_confirm: 'It matches the fingerprint my administrator gave me',
  newsroom_connect: 'Join',
  newsroom_disconnect: 'Leave',
};
