/* Reader preferences, applied before first paint. Inline this in <head>
 * (or load it with a blocking <script src>, never async/defer) before any
 * stylesheet-dependent content renders: it puts "js" on <html> (search and
 * reader controls show only then, so there are no dead controls without
 * JavaScript and no layout shift with it), plus "text-l"/"text-s" for the
 * 大/小 text size and "hc" for high contrast, as stored by reader.js.
 * localStorage may throw (disabled storage, some file:// pages): guarded. */
(function(h){h.className+=' js';try{var s=localStorage.getItem('edition.size'),c=localStorage.getItem('edition.contrast');if(s==='l'||s==='s'){h.className+=' text-'+s}if(c==='1'){h.className+=' hc'}}catch(e){}})(document.documentElement);
