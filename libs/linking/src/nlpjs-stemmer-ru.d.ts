// @nlpjs/lang-ru ships no types: the one class Isnad uses, its Snowball Russian stemmer.
declare module '@nlpjs/lang-ru/src/stemmer-ru' {
  class StemmerRu {
    stemWord(word: string): string;
  }
  export = StemmerRu;
}
