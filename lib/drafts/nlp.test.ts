import { describe, expect, it } from "vitest";
import { tagBatch, tagSentences, tagText } from "./nlp";

describe("tagging with compromise", () => {
  it("gives each word its offsets in the text, across paragraphs and abbreviations", () => {
    const text = "Dear Jo,\n\nThank you for the interview at Acme, Inc. today. They're hiring?! Dr. Novak agreed.";
    const sentences = tagText(text);
    for (const { sentence, offset } of sentences) {
      for (const word of sentence.words) if (word.text) expect(text.slice(word.start + offset, word.end + offset)).toBe(word.text);
    }
    expect(sentences.map(({ sentence, offset }) => text.slice(sentence.start + offset, sentence.end + offset))).toContain("Dr. Novak agreed");
  });

  it("tags texts batched together as it tags them one by one", () => {
    const texts = ["their checkout lost 8% conversion", "ask about visa sponsorship. what about remote?", "Both cycle to work"];
    const separately = texts.map((text) => JSON.stringify(tagSentences(`${text} `)));
    tagBatch(texts);
    const batched = texts.map((text) => JSON.stringify(tagSentences(text)));
    expect(batched.map((json) => JSON.parse(json).length)).toEqual(separately.map((json) => JSON.parse(json).length));
    for (const [index, text] of texts.entries()) {
      for (const sentence of tagSentences(text)) {
        for (const word of sentence.words) if (word.text) expect(text.slice(word.start, word.end)).toBe(word.text);
      }
      expect(tagSentences(text).flatMap((sentence) => sentence.words.map((word) => [...word.tags].sort().join()))).toEqual(
        tagSentences(`${texts[index]} `).flatMap((sentence) => sentence.words.map((word) => [...word.tags].sort().join())),
      );
    }
  });
});
