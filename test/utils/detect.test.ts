// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '@/utils/analyze';

/** A thread whose posts are long enough to read as a story, each under one kind of post label. */
function thread(labels: string[]): Document {
  const post = (label: string, i: number) =>
    `<div class="post"><span class="label">${label}</span><p>${'这是第' + i + '位网友的长篇回复，讨论了这个话题的方方面面，并且给出了自己的看法和理由。'.repeat(3)}</p></div>`;
  document.title = '讨论：城市交通怎么改';
  document.body.innerHTML = `<h1>讨论：城市交通怎么改</h1><div id="posts">${labels.map(post).join('')}</div>`;
  return document;
}

const forumReason = (doc: Document) => analyzeLayout(doc).analysis.reasons.find((r) => r.startsWith('forum thread markers'));

describe('forum thread markers', () => {
  it('counts every kind of post label, whatever its case or spacing', () => {
    const labels = ['楼主', '沙发', '3楼', '#4', '只看该作者', '回复 5楼', '发表于 2024-01-02 10:00', 'Reply #8', 'Posted\n  by lin'];
    expect(forumReason(thread(labels))).toMatch(/^forum thread markers \(9 post labels/);
  });

  it('does not count words that only contain a label', () => {
    expect(forumReason(thread(['懒骨头沙发', '还珠楼主', '沙发客', '楼主说', '回复了我', '地板砖']))).toBeUndefined();
  });
});
