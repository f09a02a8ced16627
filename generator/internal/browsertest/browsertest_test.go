package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestStartsAndRendersCJK(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="zh-Hant"><title>測試</title><p id=x>政府工作報告</p>`))
	}))
	defer srv.Close()
	ctx := New(t, Options{Width: 360, Height: 640, Mobile: true})
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Text("#x"))
	if err != nil {
		t.Fatal(err)
	}
	if got != "政府工作報告" {
		t.Fatalf("text = %q, want 政府工作報告", got)
	}
}
