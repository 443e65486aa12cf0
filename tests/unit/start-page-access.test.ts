/**
 * BITV 2.0 § 4 on the start page: the link to Leichte Sprache appears once de-x-ls is offered,
 * the DGS video only where the deployment names one (DGS_VIDEO_URL), nothing otherwise.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

async function startPage(video?: string) {
  vi.resetModules();
  if (video === undefined) delete process.env.DGS_VIDEO_URL;
  else process.env.DGS_VIDEO_URL = video;
  const { loader } = await import("~/routes/_index");
  const { isLanguage } = await import("~/i18n/config");
  return { data: loader({} as never), easyOffered: isLanguage("de-x-ls") };
}

describe("start page: Leichte Sprache and DGS", () => {
  afterEach(() => { delete process.env.DGS_VIDEO_URL; });

  it("shows no DGS video without configuration, and Leichte Sprache only when offered", async () => {
    const { data, easyOffered } = await startPage();
    expect(data.signLanguageVideo).toBeNull();
    expect(data.easyLanguage).toBe(easyOffered ? "de-x-ls" : null);
  });

  it("an empty DGS_VIDEO_URL is no video", async () => {
    expect((await startPage("")).data.signLanguageVideo).toBeNull();
  });

  it("links the configured DGS video (https or a path on this site)", async () => {
    expect((await startPage("https://video.jobcenter.example/dgs/portal.mp4")).data.signLanguageVideo).toBe("https://video.jobcenter.example/dgs/portal.mp4");
    expect((await startPage("/dgs/portal.mp4")).data.signLanguageVideo).toBe("/dgs/portal.mp4");
  });

  it("refuses an address that is neither", async () => {
    await expect(startPage("javascript:alert(1)").then((r) => r.data)).rejects.toThrow(/DGS_VIDEO_URL/);
    await expect(startPage("http://insecure.example/v.mp4").then((r) => r.data)).rejects.toThrow(/DGS_VIDEO_URL/);
    await expect(startPage("//elsewhere.example/v.mp4").then((r) => r.data)).rejects.toThrow(/DGS_VIDEO_URL/);
  });
});
