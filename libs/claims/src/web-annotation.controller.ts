import { Access, Role } from '@isnad/auth';
import { Controller, Get, Header, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import type { Request } from 'express';
import { WebAnnotationService } from './web-annotation.service';

const ANNOTATION_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** W3C Web Annotation export: what annotation tools such as Hypothesis can read. */
@Access(Role.VIEWER)
@Controller()
export class WebAnnotationController {
  constructor(private readonly annotations: WebAnnotationService) {}

  @Get('annotations/:id')
  @Header('content-type', ANNOTATION_TYPE)
  annotation(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request): Promise<Record<string, unknown>> {
    return this.annotations.annotation(id, baseUrlOf(req));
  }

  @Get('articles/:id/annotations')
  @Header('content-type', ANNOTATION_TYPE)
  collection(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request): Promise<Record<string, unknown>> {
    return this.annotations.collection(id, baseUrlOf(req));
  }
}

function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}
